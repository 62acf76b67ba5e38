import { COMMAND_TYPES, type CommandType } from '../../libs/domain';
import { openCredentialStore } from '../../libs/identity';
import { exampleData } from '../fixtures/commands';
import { passwordOf } from '../support/accounts';
import { startHarness, type Harness } from './api-harness';

/**
 * Every route as every kind of caller, over HTTP. The callers, in the table's column order:
 *   adm  a network admin            aud  a network auditor
 *   stf  staff of Coodyssée          oth  staff of another CAE (Oxalis)
 *   her  Camille, entrepreneur e-001 of Coodyssée, herself
 *   ano  another entrepreneur of Coodyssée (e-002)
 *   non  no credentials              exp  an expired session
 *   rev  a revoked API token         tok  an admin's API token narrowed to cae_staff of Coodyssée
 * Every route names Coodyssée and, where it names one, Camille (e-001).
 */
const CALLERS = ['adm', 'aud', 'stf', 'oth', 'her', 'ano', 'non', 'exp', 'rev', 'tok'] as const;
type Caller = (typeof CALLERS)[number];

/**
 * The expected answer, as the policy reads: a status, or `ok` for a command the policy lets through (the domain
 * then decides: accepted or one of its own refusals, never 401/403). `200n`: 200, narrowed to the caller's invoices; 404: not the caller's.
 */
const TABLE = {
  //                              adm  aud  stf  oth  her  ano  non  exp  rev  tok
  'GET caeStatistics':           '200  200  200  403  403  403  401  401  401  200',
  'GET networkStatistics':       '200  200  403  403  403  403  401  401  401  403',
  'GET caeStatisticsYears':      '200  200  200  403  403  403  401  401  401  200',
  'GET networkStatisticsYears':  '200  200  403  403  403  403  401  401  401  403',
  'GET activityAccount':         '200  200  200  403  200  403  401  401  401  200',
  'GET entrepreneurFile':        '200  200  200  403  200  403  401  401  401  200',
  'GET caeTreasury':             '200  200  200  403  403  403  401  401  401  200',
  'GET entrepreneursRegister':   '200  200  200  403  403  403  401  401  401  200',
  'GET associatesRegister':      '200  200  200  403  403  403  401  401  401  200',
  'GET clientsDirectory':        '200  200  200  403  403  403  401  401  401  200',
  'GET exports':                 '200  200  200  403  403  403  401  401  401  200',
  'GET fec':                     '200  200  200  403  403  403  401  401  401  200',
  'GET shareMovements':          '200  200  200  403  403  403  401  401  401  200',
  'GET invoices':                '200  200  200  403  200n 200n 401  401  401  200',
  'GET invoicePdf':              '200  200  200  403  200  404  401  401  401  200',
  'GET invoiceXml':              '200  200  200  403  200  404  401  401  401  200',
  'GET compliance':              '200  200  200  403  403  403  401  401  401  200',
  'GET access':                  '200  200  200  403  403  403  401  401  401  200',
  'GET audits':                  '200  200  200  403  403  403  401  401  401  200',
  'GET networkAudits':           '200  200  403  403  403  403  401  401  401  403',
  'GET networkCaes':             '200  200  403  403  403  403  401  401  401  403',
  'GET auditReport':             '200  200  200  403  403  403  401  401  401  200',
  'POST audit':                  '201  201  403  403  403  403  401  401  401  403',
  'GET health':                  '200  200  200  200  200  200  200  200  200  200',
  'GET docs':                    '200  200  200  200  200  200  200  200  200  200',
  'command RegisterCae':         'ok   403  403  403  403  403  401  401  401  403',
  'command business':            'ok   403  ok   403  403  403  401  401  401  ok',
  'command entrepreneur access': 'ok   403  ok   403  403  403  401  401  401  ok',
  'command staff access':        'ok   403  403  403  403  403  401  401  401  403',
  'command network access':      'ok   403  403  403  403  403  401  401  401  403',
  'command RecordAudit':         '403  403  403  403  403  403  401  401  401  403',
  'POST session':                '200  200  200  200  200  200  200  200  200  200',
  'GET session':                 '200  200  200  200  200  200  401  401  401  200',
  'POST tokens':                 '201  403  403  403  403  403  401  401  401  403',
  'GET tokens':                  '200  403  403  403  403  403  401  401  401  403',
  'DELETE token':                '204  403  403  403  403  403  401  401  401  403',
  'DELETE session':              '204  204  204  204  204  204  401  401  401  204',
} as const;
type Row = keyof typeof TABLE;

const expected = (row: Row, caller: Caller): string => TABLE[row].split(/\s+/)[CALLERS.indexOf(caller)]!;

const GET_ROUTES: Partial<Record<Row, string>> = {
  'GET caeStatistics': '/api/caes/coodyssee/statistics?year=2016',
  'GET networkStatistics': '/api/network/statistics?year=2016',
  'GET caeStatisticsYears': '/api/caes/coodyssee/statistics/years',
  'GET networkStatisticsYears': '/api/network/statistics/years',
  'GET activityAccount': '/api/caes/coodyssee/entrepreneurs/e-001/account',
  'GET entrepreneurFile': '/api/caes/coodyssee/entrepreneurs/e-001',
  'GET caeTreasury': '/api/caes/coodyssee/treasury',
  'GET entrepreneursRegister': '/api/caes/coodyssee/registers/entrepreneurs',
  'GET associatesRegister': '/api/caes/coodyssee/registers/associates',
  'GET clientsDirectory': '/api/caes/coodyssee/clients',
  'GET exports': '/api/caes/coodyssee/exports/invoices.csv',
  'GET fec': '/api/caes/coodyssee/fec?year=2016',
  'GET shareMovements': '/api/caes/coodyssee/registers/share-movements',
  'GET invoices': '/api/caes/coodyssee/invoices',
  // Camille's invoice: another entrepreneur of her CAE is told there is none of hers.
  'GET invoicePdf': '/api/caes/coodyssee/invoices/2016-000001.pdf',
  'GET invoiceXml': '/api/caes/coodyssee/invoices/2016-000001.xml',
  'GET compliance': '/api/caes/coodyssee/compliance',
  'GET access': '/api/caes/coodyssee/access',
  'GET audits': '/api/caes/coodyssee/audits',
  'GET networkAudits': '/api/network/audits',
  'GET networkCaes': '/api/network/caes',
  'GET health': '/api/health',
  'GET docs': '/api/docs-json',
  'GET tokens': '/api/tokens',
  'GET session': '/api/session',
};

/** Which row of the table a command type's example is judged by. */
const commandRow = (type: CommandType, data: Record<string, unknown>): Row => {
  if (type === 'RegisterCae') return 'command RegisterCae';
  if (type === 'GrantAccess' || type === 'RevokeAccess') return data['role'] === 'cae_staff' ? 'command staff access' : 'command entrepreneur access';
  if (/NetworkRole$/.test(type)) return 'command network access';
  if (type === 'RecordAudit') return 'command RecordAudit';
  return 'command business';
};

/** The commands sent: each type's example, and the access commands for the staff role too. */
const COMMANDS: { label: string; type: CommandType; data: Record<string, unknown> }[] = [
  ...COMMAND_TYPES.map((type) => ({ label: type, type, data: exampleData(type) as Record<string, unknown> })),
  ...(['GrantAccess', 'RevokeAccess'] as const).map((type) => {
    const { entrepreneurId: _e, ...data } = exampleData(type) as Record<string, unknown>;
    return { label: `${type}-cae_staff`, type, data: { ...data, role: 'cae_staff' } };
  }),
];

describe('who may do what: every route as every caller', () => {
  let h: Harness;
  const tokens = {} as Record<Caller, string | null>;
  let cases = 0;
  const failures: string[] = [];

  /** One case: the answer's status (and outcome) held to the table. */
  const check = (what: string, caller: Caller, want: string, status: number, body: { status?: string; error?: { code: string }; invoices?: { entrepreneurId: string }[] }) => {
    cases += 1;
    const got = (() => {
      if (want === 'ok') return status !== 401 && status !== 403 && body.error?.code !== 'FORBIDDEN' ? 'ok' : String(status);
      if (want === '200n') {
        const own = caller === 'her' ? 'e-001' : 'e-002';
        return status === 200 && body.invoices!.length > 0 && body.invoices!.every((invoice) => invoice.entrepreneurId === own) ? '200n' : `${status} (${JSON.stringify(body.invoices?.map((i) => i.entrepreneurId))})`;
      }
      return String(status);
    })();
    if (got !== want) failures.push(`${what} as ${caller}: expected ${want}, got ${got} ${JSON.stringify(body).slice(0, 200)}`);
    // A refusal is said in the API's error shape, with the stable code of its status.
    if (status === 401) expect([what, caller, body.error?.code]).toEqual([what, caller, 'UNAUTHENTICATED']);
    if (status === 403) expect([what, caller, body.error?.code]).toEqual([what, caller, 'FORBIDDEN']);
  };

  beforeAll(async () => {
    h = await startHarness();
    const story = (type: CommandType, commandId: string, data: object = exampleData(type)) => ({ type, commandId, data });
    await h
      .http()
      .post('/api/commands')
      .send([
        story('RegisterCae', 'cae'),
        story('RecordCaeIdentity', 'identity'),
        story('RegisterCae', 'oxalis', { ...exampleData('RegisterCae'), caeId: 'oxalis' }),
        story('IntegrateEntrepreneur', 'e-001'),
        story('IntegrateEntrepreneur', 'e-002', { ...exampleData('IntegrateEntrepreneur'), entrepreneurId: 'e-002' }),
        ...(['SignCape', 'RenewCape', 'SignCesa', 'IssueInvoice'] as const).flatMap((type) => [story(type, `${type}-1`), story(type, `${type}-2`, { ...exampleData(type), entrepreneurId: 'e-002' })]),
      ])
      .expect(200);
    tokens.adm = h.admin.token;
    tokens.aud = (await h.account('auditor', 'network_auditor')).token;
    tokens.stf = (await h.account('staff-coodyssee', { caeId: 'coodyssee', role: 'cae_staff' })).token;
    tokens.oth = (await h.account('staff-oxalis', { caeId: 'oxalis', role: 'cae_staff' })).token;
    tokens.her = (await h.account('camille', { caeId: 'coodyssee', role: 'entrepreneur', entrepreneurId: 'e-001', grantedOn: '2016-01-11' })).token;
    tokens.ano = (await h.account('dominique', { caeId: 'coodyssee', role: 'entrepreneur', entrepreneurId: 'e-002', grantedOn: '2016-01-11' })).token;
    tokens.non = null;
    // A session opened 9 hours ago has ended: a store on the same file, its clock behind, opens one.
    const past = openCredentialStore(h.dataDir, { now: () => new Date(Date.now() - 9 * 3_600_000) });
    tokens.exp = (await past.openSession(h.admin.accountId)).secret;
    await past.close();
    const revoked = await h.runtime.credentials.issueToken(h.admin.accountId, { role: 'network_admin', caes: [] }, '2099-01-01T00:00:00Z');
    await h.runtime.credentials.revokeToken(revoked.token.tokenId);
    tokens.rev = revoked.secret;
    tokens.tok = (await h.runtime.credentials.issueToken(h.admin.accountId, { role: 'cae_staff', caes: ['coodyssee'] }, '2099-01-01T00:00:00Z')).secret;
    await h.account('matrix-login');
    await h.caughtUp();
  });
  afterAll(() => h.close());
  beforeEach(() => {
    failures.length = 0;
  });

  it('every GET route', async () => {
    for (const [row, url] of Object.entries(GET_ROUTES) as [Row, string][]) {
      for (const caller of CALLERS) {
        const res = await h.http(tokens[caller]).get(url);
        check(row, caller, expected(row, caller), res.status, res.body);
      }
    }
    expect(failures).toEqual([]);
  });

  it('POST /api/commands with every command type\'s example: a refusal appends nothing', async () => {
    for (const { label, type, data } of COMMANDS) {
      const row = commandRow(type, data);
      for (const caller of CALLERS) {
        const head = await h.runtime.store.headPosition();
        const res = await h.http(tokens[caller]).post('/api/commands').send({ type, commandId: `matrix-${label}-${caller}`, data });
        const outcome = res.body as { status?: string; error?: { code: string } };
        check(`command ${label}`, caller, expected(row, caller), res.status, outcome);
        if (res.status === 401 || res.status === 403) expect([label, caller, await h.runtime.store.headPosition()]).toEqual([label, caller, head]);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a batch keeps going past a refused envelope, and answers 403 for it', async () => {
    const batch = [
      { type: 'RecordIntakeInterview', commandId: 'batch-own', data: exampleData('RecordIntakeInterview') },
      { type: 'RecordIntakeInterview', commandId: 'batch-other', data: { ...exampleData('RecordIntakeInterview'), caeId: 'oxalis' } },
      { type: 'RecordIntakeInterview', commandId: 'batch-own-2', data: exampleData('RecordIntakeInterview') },
    ];
    const res = await h.http(tokens.stf).post('/api/commands').send(batch).expect(403);
    expect(res.body.map((o: { status: string; error?: { code: string } }) => [o.status, o.error?.code])).toEqual([
      ['accepted', undefined],
      ['rejected', 'FORBIDDEN'],
      ['accepted', undefined],
    ]);
  });

  it('the audit routes: running one, reading its report', async () => {
    const { id } = (await h.http().post('/api/caes/coodyssee/audits').send({ asOf: '2016-12-31' }).expect(201)).body;
    for (const caller of CALLERS) {
      const report = await h.http(tokens[caller]).get(`/api/caes/coodyssee/audits/${id}`);
      check('GET auditReport', caller, expected('GET auditReport', caller), report.status, report.body);
      const head = await h.runtime.store.headPosition();
      const made = await h.http(tokens[caller]).post('/api/caes/coodyssee/audits').send({ asOf: '2016-12-31' });
      check('POST audit', caller, expected('POST audit', caller), made.status, made.body);
      if (made.status !== 201) expect([caller, await h.runtime.store.headPosition()]).toEqual([caller, head]);
    }
    expect(failures).toEqual([]);
  });

  it('the session and token routes', async () => {
    for (const caller of CALLERS) {
      const login = await h.http(tokens[caller]).post('/api/session').send({ username: 'matrix-login', password: passwordOf('matrix-login') });
      check('POST session', caller, expected('POST session', caller), login.status, login.body);
      const issued = await h.http(tokens[caller]).post('/api/tokens').send({ username: 'matrix-login', role: 'network_auditor', expiresAt: '2099-01-01T00:00:00Z' });
      check('POST tokens', caller, expected('POST tokens', caller), issued.status, issued.body);
      const { token } = await h.runtime.credentials.issueToken(h.admin.accountId, { role: 'network_auditor', caes: [] }, '2099-01-01T00:00:00Z');
      const revoked = await h.http(tokens[caller]).delete(`/api/tokens/${token.tokenId}`);
      check('DELETE token', caller, expected('DELETE token', caller), revoked.status, revoked.body);
      expect([caller, (await h.runtime.credentials.listTokens()).find((t) => t.tokenId === token.tokenId)?.revokedAt !== undefined]).toEqual([caller, revoked.status === 204]);
    }
    // Last: logging out ends the callers' sessions.
    for (const caller of CALLERS) {
      const res = await h.http(tokens[caller]).delete('/api/session');
      check('DELETE session', caller, expected('DELETE session', caller), res.status, res.body);
    }
    expect(failures).toEqual([]);
  });

  it('counts its cases', () => {
    const rows = Object.keys(GET_ROUTES).length + COMMANDS.length + 4 + 2;
    expect(cases).toBe(rows * CALLERS.length);
    console.log(`route × caller matrix: ${rows} routes and commands × ${CALLERS.length} callers = ${cases} cases`);
  });
});
