export { validateEnvelope } from './validate-envelope';
export type { Issue as ValidationIssue } from './schema';
