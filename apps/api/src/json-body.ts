import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { invalid, refusal, type ApiError } from './api-error';

/** What body-parser attaches to the errors it raises. */
interface BodyParserError {
  type?: string;
  status?: number;
  message?: string;
  body?: string;
}

/**
 * JSON bodies up to `limit`, and body-parser's refusals turned into the API's own right where they happen
 * (Nest would otherwise turn them into a bare 400 whose cause is lost).
 */
export const readJsonBodies = (app: NestExpressApplication, limit: string): void => {
  app.useBodyParser('json', { limit });
  app.use((error: unknown, _request: Request, _response: Response, next: NextFunction) => next(bodyRefusal(error as BodyParserError, limit)));
};

const bodyRefusal = (error: BodyParserError, limit: string): ApiError | BodyParserError => {
  switch (error.type) {
    case 'entity.parse.failed':
      // The strict parser refuses `"text"`, `42` or `null` as it refuses broken JSON: say which it was.
      return /^\s*[[{]/.test(error.body ?? '')
        ? invalid(`The body is not valid JSON: ${error.message}`)
        : invalid('The body must be a JSON object (one command envelope) or a JSON array (a batch of envelopes).');
    case 'entity.too.large':
      return refusal('PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${limit}: send the commands in several batches.`, { limit });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return refusal('UNSUPPORTED_MEDIA_TYPE', `${error.message}: send JSON in UTF-8, uncompressed or with gzip, deflate or br.`);
    default:
      return typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? invalid(`The request body cannot be read: ${error.message}`) : error;
  }
};

/** Commands travel as JSON: any other body (or none) is refused before it is read. */
export const requireJson = (request: Request): void => {
  if (!request.is('application/json'))
    throw refusal('UNSUPPORTED_MEDIA_TYPE', `The body must be JSON, sent with Content-Type: application/json (got ${request.headers['content-type'] ? `"${request.headers['content-type'].slice(0, 100)}"` : 'none'}).`);
};
