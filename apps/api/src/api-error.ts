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
  ) {
    super(message, status);
  }
}

export const refusal = (code: ApiErrorCode, message: string, details?: Record<string, unknown>): ApiError =>
  new ApiError(httpStatusOf(code), code, message, details);

export const fromDomain = ({ code, message, details }: DomainError): ApiError => refusal(code, message, details);

export const notFound = (message: string, details?: Record<string, unknown>): ApiError => refusal('NOT_FOUND', message, details);

export const invalid = (message: string, details?: Record<string, unknown>): ApiError => refusal('VALIDATION_FAILED', message, details);
