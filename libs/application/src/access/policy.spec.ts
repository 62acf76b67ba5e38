import { COMMAND_TYPES, type Command, type CommandType } from '../../../domain';
import { commandExamples } from '../../../domain/src/validation/command-examples';
import { ROLES, type Grant, type Identity, type Role } from './identity';
import { authorize, commandAction, QUERY_NAMES, type AccessAction, type Authorization, type QueryName } from './policy';

const OWN = 'coodyssee';
const OTHER = 'oxalis';
const SELF = 'e-001';

const identity = (username: string, ...grants: Grant[]): Identity => ({ accountId: `acc-${username}`, username, grants });

const AS: Record<Role, Identity> = {
  network_admin: identity('admin', { role: 'network_admin' }),
  network_auditor: identity('auditor', { role: 'network_auditor' }),
  cae_staff: identity('staff', { role: 'cae_staff', caeId: OWN }),
  entrepreneur: identity('camille', { role: 'entrepreneur', caeId: OWN, entrepreneurId: SELF }),
};

/**
 * The intent of issue 11, written apart from the policy's table. Per role (admin, auditor, staff, entrepreneur):
 * two letters for the caller's own CAE then another CAE, one letter for a network-wide action.
 * Y allowed, N denied, O allowed but narrowed to the caller's own entrepreneur.
 */
const INTENT = {
  //                      admin auditor staff entrepreneur
  'register a CAE':       'YY NN NN NN',
  'business command':     'YY NN YN NN',
  'network read':         'Y  Y  N  N',
  'CAE read':             'YY YY YN NN',
  'own activity account': 'YY YY YN YN',
  'invoices':             'YY YY YN ON',
  'entrepreneur access':  'YY NN YN NN',
  'staff access':         'YY NN NN NN',
  'network access':       'Y  N  N  N',
  'access history':       'YY YY YN NN',
  'user management':      'Y  N  N  N',
  'run an audit':         'YY YY NN NN',
  'read audits':          'YY YY YN NN',
  'record an audit':      'NN NN NN NN', // only the audit route records one, with the report it computed
} as const;
type Category = keyof typeof INTENT;
type Where = 'own' | 'other' | 'network';

const expectedOf = (category: Category, role: Role, where: Where): string => {
  const cell = INTENT[category].split(/\s+/)[ROLES.indexOf(role)];
  return where === 'other' ? cell[1] : cell[0];
};

const caeOf = (where: Where) => (where === 'other' ? OTHER : OWN);

/** Which category the spec files each query under (the words, not the policy's table). */
const QUERY_CATEGORIES: Record<Category, readonly QueryName[]> = {
  'network read': ['networkStatistics', 'networkStatisticsYears', 'health', 'networkAudits', 'networkCaes'],
  'CAE read': ['caeStatistics', 'caeStatisticsYears', 'caeTreasury', 'entrepreneursRegister', 'associatesRegister', 'clientsDirectory', 'exports', 'fec', 'shareMovements', 'compliance'],
  'own activity account': ['entrepreneurAccount', 'entrepreneurFile'],
  invoices: ['invoices', 'invoiceDocument'],
  'register a CAE': [],
  'business command': [],
  'entrepreneur access': [],
  'staff access': [],
  'network access': [],
  'access history': ['access'],
  'user management': [],
  'run an audit': [],
  'read audits': ['audits'],
  'record an audit': [],
};
const NETWORK_QUERIES: readonly QueryName[] = QUERY_CATEGORIES['network read'];
/** GrantNetworkRole and RevokeNetworkRole: in the network's scope, judged once, not per CAE. */
const NETWORK_COMMANDS = 2;

/** Which category the spec files each command under: the access commands are granting, not business. */
const commandCategory = (type: CommandType): Category =>
  type === 'RegisterCae'
    ? 'register a CAE'
    : type === 'GrantAccess' || type === 'RevokeAccess'
      ? 'entrepreneur access'
      : type === 'GrantNetworkRole' || type === 'RevokeNetworkRole'
        ? 'network access'
        : type === 'RecordAudit'
          ? 'record an audit'
          : 'business command';

/** The example of each command, moved to the target CAE: commandAction reads the CAE and entrepreneur off it. */
const commandIn = (type: CommandType, caeId: string): AccessAction =>
  commandAction({ type, data: { ...commandExamples[type], caeId } } as Command);

const queryIn = (query: QueryName, where: Where): AccessAction => {
  if (where === 'network') return { kind: 'query', query };
  return { kind: 'query', query, caeId: caeOf(where), ...(query === 'entrepreneurAccount' || query === 'entrepreneurFile' ? { entrepreneurId: SELF } : {}) };
};

interface Case {
  what: string;
  category: Category;
  where: Where;
  action: AccessAction;
}

const WHERE_IN_A_CAE: Where[] = ['own', 'other'];

const CASES: Case[] = [
  ...COMMAND_TYPES.flatMap((type) =>
    commandCategory(type) === 'network access'
      ? [{ what: type, category: commandCategory(type), where: 'network', action: commandIn(type, OWN) } satisfies Case]
      : WHERE_IN_A_CAE.map((where): Case => ({ what: type, category: commandCategory(type), where, action: commandIn(type, caeOf(where)) })),
  ),
  ...(Object.entries(QUERY_CATEGORIES) as [Category, readonly QueryName[]][]).flatMap(([category, queries]) =>
    queries.flatMap((query) =>
      (NETWORK_QUERIES.includes(query) ? (['network'] as Where[]) : WHERE_IN_A_CAE).map((where): Case => ({ what: query, category, where, action: queryIn(query, where) })),
    ),
  ),
  ...(['grant', 'revoke'] as const).flatMap((kind) => [
    ...WHERE_IN_A_CAE.map((where): Case => ({ what: `${kind} entrepreneur`, category: 'entrepreneur access', where, action: { kind, grant: { role: 'entrepreneur', caeId: caeOf(where), entrepreneurId: 'e-002' } } })),
    ...WHERE_IN_A_CAE.map((where): Case => ({ what: `${kind} cae_staff`, category: 'staff access', where, action: { kind, grant: { role: 'cae_staff', caeId: caeOf(where) } } })),
    ...(['network_admin', 'network_auditor'] as const).map((role): Case => ({ what: `${kind} ${role}`, category: 'network access', where: 'network', action: { kind, grant: { role } } })),
  ]),
  ...WHERE_IN_A_CAE.map((where): Case => ({ what: 'readAccess', category: 'access history', where, action: { kind: 'readAccess', caeId: caeOf(where) } })),
  { what: 'manageUsers', category: 'user management', where: 'network', action: { kind: 'manageUsers' } },
  ...WHERE_IN_A_CAE.map((where): Case => ({ what: 'audit', category: 'run an audit', where, action: { kind: 'audit', caeId: caeOf(where) } })),
];

const answerFor = (letter: string, username: string): Authorization | object => {
  if (letter === 'Y') return { allowed: true };
  if (letter === 'O') return { allowed: true, only: { entrepreneurId: SELF } };
  return { allowed: false, code: 'FORBIDDEN', reason: expect.stringContaining(`${username} may not`) };
};

const MATRIX = CASES.flatMap((c) => ROLES.map((role) => ({ ...c, role, expected: expectedOf(c.category, role, c.where) })));

describe('access policy', () => {
  it('files every query the policy knows under one of the spec’s categories', () => {
    expect(Object.values(QUERY_CATEGORIES).flat().sort()).toEqual([...QUERY_NAMES].sort());
  });

  it('covers every command, query and access action for every role (the matrix size)', () => {
    expect(MATRIX).toHaveLength(((COMMAND_TYPES.length - NETWORK_COMMANDS) * 2 + NETWORK_COMMANDS + (QUERY_NAMES.length - NETWORK_QUERIES.length) * 2 + NETWORK_QUERIES.length + 2 * (2 + 2 + 2) + 2 + 1 + 2) * ROLES.length);
  });

  it.each(MATRIX.map((c) => [c.role, c.what, c.where === 'network' ? 'network-wide' : `${c.where} CAE`, c.expected, c] as const))('%s × %s (%s) → %s', (role, _what, _where, expected, c) => {
    expect(authorize(AS[role], c.action)).toEqual(answerFor(expected, AS[role].username));
  });

  it('reads the CAE and entrepreneur off a command', () => {
    expect(commandIn('IssueInvoice', OTHER)).toEqual({ kind: 'command', type: 'IssueInvoice', caeId: OTHER, entrepreneurId: SELF });
    expect(commandIn('RecordPayment', OWN)).toEqual({ kind: 'command', type: 'RecordPayment', caeId: OWN });
  });

  describe('the access commands', () => {
    const grantStaff = (caeId: string) => commandAction({ type: 'GrantAccess', data: { caeId, accountId: 'acc-9', role: 'cae_staff', grantedOn: '2016-02-01' } });

    it('judge a cae_staff grant as staff access: staff of the CAE may not make more staff, an admin may', () => {
      expect(grantStaff(OWN)).toEqual({ kind: 'grant', grant: { role: 'cae_staff', caeId: OWN } });
      expect(authorize(AS.cae_staff, grantStaff(OWN))).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
      expect(authorize(AS.network_admin, grantStaff(OTHER))).toEqual({ allowed: true });
    });

    it('judge a network role by network access: only an admin grants or revokes one', () => {
      const grantAuditor = commandAction({ type: 'GrantNetworkRole', data: { accountId: 'acc-9', role: 'network_auditor', grantedOn: '2016-02-01' } });
      expect(grantAuditor).toEqual({ kind: 'grant', grant: { role: 'network_auditor' } });
      expect(authorize(AS.network_admin, grantAuditor)).toEqual({ allowed: true });
      for (const role of ['network_auditor', 'cae_staff', 'entrepreneur'] as const) expect(authorize(AS[role], grantAuditor)).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    });

    it('read the entrepreneur off a RevokeAccess', () => {
      expect(commandIn('RevokeAccess', OTHER)).toEqual({ kind: 'revoke', grant: { role: 'entrepreneur', caeId: OTHER, entrepreneurId: SELF } });
    });
  });

  describe('an entrepreneur', () => {
    const camille = AS.entrepreneur;

    it('reads their own activity account, not a colleague’s in the same CAE', () => {
      expect(authorize(camille, { kind: 'query', query: 'entrepreneurAccount', caeId: OWN, entrepreneurId: SELF })).toEqual({ allowed: true });
      expect(authorize(camille, { kind: 'query', query: 'entrepreneurAccount', caeId: OWN, entrepreneurId: 'e-002' })).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    });

    it('reads the invoices of their CAE narrowed to their own', () => {
      expect(authorize(camille, { kind: 'query', query: 'invoices', caeId: OWN })).toEqual({ allowed: true, only: { entrepreneurId: SELF } });
    });

    it('is told what was refused, in the caller’s words', () => {
      expect(authorize(camille, commandIn('IssueInvoice', OWN))).toEqual({ allowed: false, code: 'FORBIDDEN', reason: `camille may not send IssueInvoice in CAE ${OWN}` });
    });
  });

  describe('an identity with several grants', () => {
    const both = identity('dominique', { role: 'cae_staff', caeId: OWN }, { role: 'cae_staff', caeId: OTHER });

    it('acts and reads in each of its CAEs, and in no third one', () => {
      for (const caeId of [OWN, OTHER]) {
        expect(authorize(both, commandIn('IssueInvoice', caeId))).toEqual({ allowed: true });
        expect(authorize(both, { kind: 'query', query: 'associatesRegister', caeId })).toEqual({ allowed: true });
      }
      expect(authorize(both, commandIn('IssueInvoice', 'alpes'))).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
      expect(authorize(both, { kind: 'query', query: 'networkStatistics' })).toMatchObject({ allowed: false });
    });

    it('gets the widest answer: staff of a CAE reads all its invoices even when also an entrepreneur there', () => {
      const staffAndEntrepreneur = identity('sam', { role: 'entrepreneur', caeId: OWN, entrepreneurId: SELF }, { role: 'cae_staff', caeId: OWN });
      expect(authorize(staffAndEntrepreneur, { kind: 'query', query: 'invoices', caeId: OWN })).toEqual({ allowed: true });
    });

    it('narrows only where the narrow grant is the one that reaches', () => {
      const mixed = identity('lou', { role: 'entrepreneur', caeId: OWN, entrepreneurId: SELF }, { role: 'cae_staff', caeId: OTHER });
      expect(authorize(mixed, { kind: 'query', query: 'invoices', caeId: OWN })).toEqual({ allowed: true, only: { entrepreneurId: SELF } });
      expect(authorize(mixed, { kind: 'query', query: 'invoices', caeId: OTHER })).toEqual({ allowed: true });
    });
  });

  it('allows nothing to an account without grants', () => {
    const nobody = identity('nobody');
    for (const { action } of CASES) expect(authorize(nobody, action)).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
  });
});
