import { HttpException } from '@nestjs/common';

/** A refusal raised by a route: its status, stable code and clerk-readable message reach the client as is. */
export class ApiError extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message, status);
  }
}

export const notFound = (message: string, details?: Record<string, unknown>): ApiError => new ApiError(404, 'NOT_FOUND', message, details);

export const invalid = (message: string, details?: Record<string, unknown>): ApiError => new ApiError(400, 'VALIDATION_FAILED', message, details);
