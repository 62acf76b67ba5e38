export { validateEnvelope } from './validate-envelope';
export { validateQuery } from './validate-query';
export { queryParameters } from './query-schemas';
export type { Issue as ValidationIssue } from './schema';
export type { KnownAt } from './schema';
