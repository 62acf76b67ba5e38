import type { ErrorCode } from '../../../libs/domain';

/** The HTTP status that goes with a refusal: bad input 400, unknown things 404, races 409, rules 422, a damaged log 503. */
export const httpStatusOf = (code: ErrorCode | string): number => {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 400;
    case 'NOT_FOUND':
      return 404;
    case 'CONCURRENCY_CONFLICT':
    case 'COMMAND_ID_REUSED':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'LOG_INTEGRITY_FAILED':
      return 503;
    default:
      return 422;
  }
};
