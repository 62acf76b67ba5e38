import { COMMAND_TYPES, type Command, type CommandType } from '../../../domain';
import { ROLES, type Grant, type Identity, type Role } from './identity';

/** Every read the API answers, one per GET route (apps/api/src/queries/read-queries.ts). */
export const QUERY_NAMES = [
  'caeStatistics',
  'caeStatisticsYears',
  'networkStatistics',
  'networkStatisticsYears',
  'entrepreneurAccount',
  'entrepreneurFile',
  'caeTreasury',
  'entrepreneursRegister',
  'associatesRegister',
  'clientsDirectory',
  'exports',
  'fec',
  'shareMovements',
  'invoices',
  'invoiceDocument',
  'compliance',
  'access',
  'audits',
  'networkAudits',
  'networkCaes',
  'health',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

/** What a request asks to do, and where: judged before anything is read or appended. */
export type AccessAction =
  | { kind: 'command'; type: CommandType; caeId: string; entrepreneurId?: string }
  | { kind: 'query'; query: QueryName; caeId?: string; entrepreneurId?: string }
  | { kind: 'grant' | 'revoke'; grant: Grant }
  | { kind: 'readAccess'; caeId: string }
  | { kind: 'audit'; caeId: string }
  | { kind: 'manageUsers' };

/** The policy's answer: allowed (perhaps narrowed to one entrepreneur's share of the answer), or why not. */
export type Authorization =
  | { allowed: true; only?: { entrepreneurId: string } }
  | { allowed: false; code: 'FORBIDDEN'; reason: string };

/**
 * How far a grant reaches:
 *   every    in every CAE, and network-wide
 *   ownCae   in the grant's CAE
 *   self     the grant's own entrepreneur, named by the action
 *   selfOnly in the grant's CAE, the answer narrowed to the grant's entrepreneur
 *   none     never
 */
type Reach = 'every' | 'ownCae' | 'self' | 'selfOnly' | 'none';

/**
 * Who may do what: one row per rule, one column per role (in ROLES' order).
 *
 * Personal data an auditor sees: every read, in full. The entrepreneurs' and associates' registers and the share
 * movements are legal registers the cooperative revision and the label audits must check, names included; the
 * invoices, activity accounts and treasury are the accounts the contribution is audited on; statistics are
 * aggregates. No read model holds a credential, and a forgotten person is erased for every role alike.
 *
 * Another CAE's resources answer 403, not 404: the policy judges before anything is read, so an existing
 * resource of another CAE and a missing one answer the same 403 and existence does not leak.
 *
 * Staff do not read network statistics: in a small network, the sum minus their own CAE is another CAE's figures.
 * Registering a CAE is the network's act: a CAE joins the network, its staff exist only once it is registered.
 */
const RULES = {
  //                  admin    auditor  staff     entrepreneur
  founding:          ['every', 'none',  'none',   'none'], // RegisterCae
  business:          ['every', 'none',  'ownCae', 'none'], // every other command
  networkRead:       ['every', 'every', 'none',   'none'], // network statistics, health details
  caeRead:           ['every', 'every', 'ownCae', 'none'], // statistics, treasury, registers, compliance
  account:           ['every', 'every', 'ownCae', 'self'], // an entrepreneur's activity account and file
  invoices:          ['every', 'every', 'ownCae', 'selfOnly'],
  entrepreneurAccess: ['every', 'none', 'ownCae', 'none'], // grant/revoke the entrepreneur role
  staffAccess:       ['every', 'none',  'none',   'none'], // grant/revoke the cae_staff role
  networkAccess:     ['every', 'none',  'none',   'none'], // grant/revoke a network role
  accessHistory:     ['every', 'every', 'ownCae', 'none'], // who had access, and since when
  users:             ['every', 'none',  'none',   'none'], // accounts and API tokens, network-wide
  audit:             ['every', 'every', 'none',   'none'], // run a label audit (POST /api/caes/{caeId}/audits)
  auditRead:         ['every', 'every', 'ownCae', 'none'], // a CAE's audits: its staff follow their progress
  auditRecord:       ['none',  'none',  'none',   'none'], // RecordAudit: only the audit route records it, with the report it computed
} as const satisfies Record<string, readonly [Reach, Reach, Reach, Reach]>;
type Rule = keyof typeof RULES;

/** Each command's rule: a command type without one does not compile. */
const COMMAND_RULES: Record<CommandType, Rule> = {
  RegisterCae: 'founding',
  RecordSubsidy: 'business',
  RecordCaeIdentity: 'business',
  RecordInformationSession: 'business',
  RecordIntakeInterview: 'business',
  RecordMeeting: 'business',
  IntegrateEntrepreneur: 'business',
  ExitEntrepreneur: 'business',
  SignCape: 'business',
  RenewCape: 'business',
  SignCesa: 'business',
  RegisterClient: 'business',
  IssueQuote: 'business',
  AcceptQuote: 'business',
  DeclineQuote: 'business',
  RecordPlatformStatus: 'business',
  IssueInvoice: 'business',
  RecordPayment: 'business',
  IssueCreditNote: 'business',
  RecordRefund: 'business',
  RecordExpense: 'business',
  PaySalary: 'business',
  AdmitAssociate: 'business',
  RedeemShares: 'business',
  ForgetPerson: 'business',
  RecordSelfAssessment: 'business',
  RecordAssociateDeadlineNotice: 'business',
  // The type's rule; commandAction judges a cae_staff grant by staffAccess.
  GrantAccess: 'entrepreneurAccess',
  RevokeAccess: 'entrepreneurAccess',
  GrantNetworkRole: 'networkAccess',
  RevokeNetworkRole: 'networkAccess',
  RecordAudit: 'auditRecord',
};

/** Commands only the server records (an audit, with the report it computed): POST /api/commands refuses them to everyone. */
export const SERVER_RECORDED: readonly CommandType[] = COMMAND_TYPES.filter((type) => COMMAND_RULES[type] === 'auditRecord');

/** Each query's rule: a query name without one does not compile. */
const QUERY_RULES: Record<QueryName, Rule> = {
  networkStatistics: 'networkRead',
  networkStatisticsYears: 'networkRead',
  health: 'networkRead',
  caeStatistics: 'caeRead',
  caeStatisticsYears: 'caeRead',
  caeTreasury: 'caeRead',
  entrepreneursRegister: 'caeRead',
  associatesRegister: 'caeRead',
  clientsDirectory: 'caeRead',
  exports: 'caeRead',
  fec: 'caeRead',
  shareMovements: 'caeRead',
  compliance: 'caeRead',
  entrepreneurAccount: 'account',
  entrepreneurFile: 'account',
  invoices: 'invoices',
  invoiceDocument: 'invoices',
  access: 'accessHistory',
  audits: 'auditRead',
  networkAudits: 'networkRead',
  networkCaes: 'networkRead',
};

const GRANT_RULES: Record<Role, Rule> = {
  network_admin: 'networkAccess',
  network_auditor: 'networkAccess',
  cae_staff: 'staffAccess',
  entrepreneur: 'entrepreneurAccess',
};

const ruleOf = (action: AccessAction): Rule => {
  switch (action.kind) {
    case 'command':
      return COMMAND_RULES[action.type];
    case 'query':
      return QUERY_RULES[action.query];
    case 'grant':
    case 'revoke':
      return GRANT_RULES[action.grant.role];
    case 'readAccess':
      return 'accessHistory';
    case 'audit':
      return 'audit';
    case 'manageUsers':
      return 'users';
  }
};

interface Target {
  caeId?: string;
  entrepreneurId?: string;
}

const targetOf = (action: AccessAction): Target => {
  switch (action.kind) {
    case 'grant':
    case 'revoke':
      return 'caeId' in action.grant ? { caeId: action.grant.caeId } : {};
    case 'manageUsers':
      return {};
    default:
      return action;
  }
};

const ALLOWED: Authorization = { allowed: true };

/** What one grant allows for the action's target, or undefined when it does not reach it. */
const judge = (reach: Reach, grant: Grant, target: Target): Authorization | undefined => {
  switch (reach) {
    case 'every':
      return ALLOWED;
    case 'ownCae':
      return 'caeId' in grant && grant.caeId === target.caeId ? ALLOWED : undefined;
    case 'self':
      return grant.role === 'entrepreneur' && grant.caeId === target.caeId && grant.entrepreneurId === target.entrepreneurId ? ALLOWED : undefined;
    case 'selfOnly':
      return grant.role === 'entrepreneur' && grant.caeId === target.caeId ? { allowed: true, only: { entrepreneurId: grant.entrepreneurId } } : undefined;
    case 'none':
      return undefined;
  }
};

const describe = (action: AccessAction): string => {
  const where = (target: Target) => (target.caeId === undefined ? '' : ` in CAE ${target.caeId}`) + (target.entrepreneurId === undefined ? '' : ` for entrepreneur ${target.entrepreneurId}`);
  switch (action.kind) {
    case 'command':
      return `send ${action.type}${where({ caeId: action.caeId })}`;
    case 'query':
      return `read ${action.query}${where(action)}`;
    case 'grant':
    case 'revoke':
      return `${action.kind} the ${action.grant.role} role${where(targetOf(action))}`;
    case 'readAccess':
      return `read the access history${where(action)}`;
    case 'audit':
      return `run a label audit${where(action)}`;
    case 'manageUsers':
      return 'manage user accounts';
  }
};

/** The one decision every command and query asks: the widest answer any of the identity's grants gives. */
export const authorize = (identity: Identity, action: AccessAction): Authorization => {
  const row = RULES[ruleOf(action)];
  const target = targetOf(action);
  const answers = identity.grants.map((grant) => judge(row[ROLES.indexOf(grant.role)], grant, target)).filter((answer) => answer !== undefined);
  const widest = answers.find((answer) => answer.allowed && answer.only === undefined) ?? answers[0];
  return widest ?? { allowed: false, code: 'FORBIDDEN', reason: `${identity.username} may not ${describe(action)}` };
};

/** The action a command asks for: its CAE, and the entrepreneur it concerns when it names one. */
export const commandAction = (command: Command): AccessAction => {
  if (command.type === 'GrantAccess' || command.type === 'RevokeAccess') {
    const { caeId, role, entrepreneurId } = command.data;
    const grant: Grant = role === 'entrepreneur' ? { role, caeId, entrepreneurId: entrepreneurId! } : { role, caeId };
    return { kind: command.type === 'GrantAccess' ? 'grant' : 'revoke', grant };
  }
  if (command.type === 'GrantNetworkRole' || command.type === 'RevokeNetworkRole')
    return { kind: command.type === 'GrantNetworkRole' ? 'grant' : 'revoke', grant: { role: command.data.role } };
  const data: { caeId: string; entrepreneurId?: string } = command.data;
  return { kind: 'command', type: command.type, caeId: data.caeId, ...(data.entrepreneurId === undefined ? {} : { entrepreneurId: data.entrepreneurId }) };
};
