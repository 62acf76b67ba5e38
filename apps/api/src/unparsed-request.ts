import { STATUS_CODES, maxHeaderSize, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { httpStatusOf, type ApiErrorCode } from './http-status';

/**
 * Requests Node cannot parse (a URL and headers over its limit, broken HTTP) never reach Express, and Node
 * would answer them with a bare status: they get the API's error shape here instead.
 */
export const answerUnparsedRequests = (server: Server): void => {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // A client that went away or stopped sending is not waiting for an answer.
    if (error.code === 'ECONNRESET' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [code, message]: [ApiErrorCode, string] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? ['REQUEST_HEADERS_TOO_LARGE', `The URL and headers exceed ${maxHeaderSize} bytes: query strings are short, commands go in the body.`]
        : ['VALIDATION_FAILED', 'The request is not valid HTTP/1.1.'];
    const status = httpStatusOf(code);
    const body = JSON.stringify({ error: { code, message } });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
};
