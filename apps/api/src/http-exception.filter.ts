import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ApiError } from './api-error';

/**
 * Every error leaves the API as `{ code, message }`. Body-parser failures (malformed JSON, too large) are
 * the client's: 400/413 with a stable code. Anything else is ours: logged, 500, no internals leaked.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const bodyError = exception as { type?: string; status?: number; message?: string };
    if (bodyError?.type === 'entity.parse.failed') {
      response.status(400).json({ status: 'rejected', error: { code: 'VALIDATION_FAILED', message: `The body is not valid JSON: ${bodyError.message}` } });
      return;
    }
    if (bodyError?.type === 'entity.too.large') {
      response.status(413).json({ status: 'rejected', error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' } });
      return;
    }
    if (exception instanceof ApiError) {
      response
        .status(exception.getStatus())
        .json({ error: { code: exception.code, message: exception.message, ...(exception.details ? { details: exception.details } : {}) } });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Nest reports a body that is not JSON (or a bare string/null, refused by the strict parser) as a 400.
      const code = status === 400 ? 'VALIDATION_FAILED' : status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_ERROR';
      const message = code === 'VALIDATION_FAILED' ? `The request body is not a JSON object or array: ${exception.message}` : exception.message;
      response.status(status).json({ error: { code, message } });
      return;
    }
    if (typeof bodyError?.status === 'number' && bodyError.status >= 400 && bodyError.status < 500) {
      response.status(bodyError.status).json({ error: { code: 'BAD_REQUEST', message: bodyError.message ?? 'Bad request' } });
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(500).json({ error: { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred; it has been logged.' } });
  }
}
