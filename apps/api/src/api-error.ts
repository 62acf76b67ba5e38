import { HttpException } from '@nestjs/common';
import type { DomainError } from '../../../libs/domain';
import { httpStatusOf, type ApiErrorCode } from './http-status';

/** A refusal raised by a route: its status, stable code and clerk-readable message reach the client as is. */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** Headers the refusal needs (WWW-Authenticate on a 401, Retry-After on a 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message, status);
  }
}

export const refusal = (code: ApiErrorCode, message: string, details?: Record<string, unknown>): ApiError =>
  new ApiError(httpStatusOf(code), code, message, details);

export const fromDomain = ({ code, message, details }: DomainError): ApiError => refusal(code, message, details);

export const notFound = (message: string, details?: Record<string, unknown>): ApiError => refusal('NOT_FOUND', message, details);

export const invalid = (message: string, details?: Record<string, unknown>): ApiError => refusal('VALIDATION_FAILED', message, details);

/** No, bad or expired credentials: the client must (re)authenticate, with a Bearer token or a session. */
export const unauthenticated = (message: string): ApiError =>
  new ApiError(401, 'UNAUTHENTICATED', message, undefined, { 'WWW-Authenticate': 'Bearer realm="alveole"' });

export const forbidden = (reason: string): ApiError => refusal('FORBIDDEN', `Not allowed: ${reason}.`);
