import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiError, invalid, notFound, refusal } from './api-error';

/**
 * Every request-level error leaves the API as `{ error: { code, message, details? } }`, with a code of
 * http-status.ts's API_ERROR_CODES and its status. Nest's own refusals (no such route, a path that is not valid
 * percent-encoding) are the client's: 404 / 400. Anything else is ours: logged, 500, no internals leaked.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const error = this.refusalOf(exception, http.getRequest<Request>());
    const { code, message, details, headers } = error;
    const response = http.getResponse<Response>();
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    response.status(error.getStatus()).json({ error: { code, message, ...(details && { details }) } });
  }

  private refusalOf(exception: unknown, request: Request): ApiError {
    if (exception instanceof ApiError) return exception;
    if (exception instanceof HttpException && exception.getStatus() === 404)
      return notFound(`No route answers ${request.method} ${request.path.slice(0, 200)}: the routes are listed in docs/api.md.`);
    if (exception instanceof HttpException && exception.getStatus() < 500) return invalid(`The request cannot be read: ${exception.message}`);
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    return refusal('INTERNAL_ERROR', 'An unexpected error occurred; it has been logged.');
  }
}
