import { COMMAND_TYPES } from '../../../../libs/domain';
import { commandComponents, commandsPath } from './commands';
import { ACCESS_REGISTER } from './access-response';
import { ERROR, ERROR_CODE, ERROR_RESPONSE } from './errors';
import { HEALTH } from './health-response';
import { queryPaths } from './query-paths';
import { ASSOCIATES_REGISTER, COMPLIANCE, ENTREPRENEURS_REGISTER, INVOICES, SHARE_MOVEMENTS } from './registers-response';
import { NETWORK_STATISTICS, STATISTICS } from './statistics-response';
import { ACTIVITY_ACCOUNT, CAE_TREASURY } from './treasury-response';

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
      'Money, rates, quantities and hours are decimal strings, never JSON numbers. The contract explained: docs/api.md.',
  },
  tags: [
    { name: 'commands', description: 'Everything that changes the records goes through one route' },
    { name: 'queries', description: 'Answered from the read models only' },
    { name: 'operations', description: 'For the operator' },
  ],
  paths: { '/api/commands': commandsPath, ...queryPaths() },
  components: {
    schemas: {
      ...commandComponents(),
      ErrorCode: ERROR_CODE,
      Error: ERROR,
      ErrorResponse: ERROR_RESPONSE,
      Statistics: STATISTICS,
      NetworkStatistics: NETWORK_STATISTICS,
      ActivityAccount: ACTIVITY_ACCOUNT,
      CaeTreasury: CAE_TREASURY,
      EntrepreneursRegister: ENTREPRENEURS_REGISTER,
      AssociatesRegister: ASSOCIATES_REGISTER,
      ShareMovements: SHARE_MOVEMENTS,
      Invoices: INVOICES,
      Compliance: COMPLIANCE,
      AccessRegister: ACCESS_REGISTER,
      Health: HEALTH,
    },
  },
});

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
