import { COMMAND_TYPES } from '../../../../libs/domain';
import { commandComponents, commandsPath } from './commands';
import { ACCESS_REGISTER } from './access-response';
import { auditComponents, auditPaths } from './audit-paths';
import { AUDIT_REPORT, AUDITS, NETWORK_AUDITS } from './audit-response';
import { authComponents, authPaths } from './auth-paths';
import { AUTHENTICATED, SECURITY_SCHEMES } from './security';
import { ERROR, ERROR_CODE, ERROR_RESPONSE } from './errors';
import { HEALTH, HEALTH_STATUS } from './health-response';
import { queryPaths } from './query-paths';
import { ASSOCIATES_REGISTER, CLIENTS_DIRECTORY, COMPLIANCE, ENTREPRENEUR_FILE, ENTREPRENEURS_REGISTER, INVOICES, SHARE_MOVEMENTS } from './registers-response';
import { NETWORK_STATISTICS, NETWORK_STATISTICS_YEARS, STATISTICS, STATISTICS_YEARS } from './statistics-response';
import { ACTIVITY_ACCOUNT, CAE_TREASURY, NETWORK_CAES } from './treasury-response';

/** Path items from several places, the methods of one path gathered (a CAE's audits: GET a query, POST an audit). */
const mergePaths = (...parts: Record<string, unknown>[]): Record<string, unknown> => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const part of parts) for (const [path, item] of Object.entries(part)) paths[path] = { ...paths[path], ...(item as Record<string, unknown>) };
  return paths;
};

/**
 * The OpenAPI document, built in one place from the validation schemas (what the API reads) and the answer
 * schemas (what it answers). It is the reference for every field; docs/api.md explains them.
 */
export const openApiDocument = () => ({
  openapi: '3.1.0',
  info: {
    title: 'Alvéole',
    version: '1',
    description:
      'Back office for networks of CAEs (coopératives d’activité et d’emploi). Commands: POST /api/commands, one envelope per command type ' +
      `(${COMMAND_TYPES.length} types, their fields in the \`<Type>Data\` schemas); queries: the GET routes. ` +
      'Money, rates, quantities and hours are decimal strings, never JSON numbers. The contract explained: docs/api.md. ' +
      'Every route but POST /api/session, GET /api/health and this document asks who is calling: `Authorization: Bearer <token>` ' +
      '(a session token, an API token or the identity provider\'s JWT) or the browser\'s session cookie; no credentials answer 401 UNAUTHENTICATED, ' +
      'a caller the access policy does not let do it 403 FORBIDDEN (another CAE\'s resources too, whether they exist or not).',
  },
  security: AUTHENTICATED,
  tags: [
    { name: 'commands', description: 'Everything that changes the records goes through one route' },
    { name: 'queries', description: 'Answered from the read models only' },
    { name: 'operations', description: 'For the operator' },
    { name: 'session', description: 'Logging in and out; API tokens for integrations' },
    { name: 'audits', description: 'Label audits by replaying a CAE’s history: reports with their evidence' },
  ],
  paths: mergePaths({ '/api/commands': commandsPath }, queryPaths(), authPaths(), auditPaths()),
  components: {
    securitySchemes: SECURITY_SCHEMES,
    schemas: {
      ...authComponents(),
      ...commandComponents(),
      ...auditComponents(),
      ErrorCode: ERROR_CODE,
      Error: ERROR,
      ErrorResponse: ERROR_RESPONSE,
      Statistics: STATISTICS,
      NetworkStatistics: NETWORK_STATISTICS,
      StatisticsYears: STATISTICS_YEARS,
      NetworkStatisticsYears: NETWORK_STATISTICS_YEARS,
      NetworkCaes: NETWORK_CAES,
      ActivityAccount: ACTIVITY_ACCOUNT,
      EntrepreneurFile: ENTREPRENEUR_FILE,
      CaeTreasury: CAE_TREASURY,
      EntrepreneursRegister: ENTREPRENEURS_REGISTER,
      AssociatesRegister: ASSOCIATES_REGISTER,
      ClientsDirectory: CLIENTS_DIRECTORY,
      ShareMovements: SHARE_MOVEMENTS,
      Invoices: INVOICES,
      Compliance: COMPLIANCE,
      AccessRegister: ACCESS_REGISTER,
      AuditReport: AUDIT_REPORT,
      Audits: AUDITS,
      NetworkAudits: NETWORK_AUDITS,
      Health: HEALTH,
      HealthStatus: HEALTH_STATUS,
    },
  },
});

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
