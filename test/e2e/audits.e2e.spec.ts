import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE } from '../../libs/audit';
import { verifyReport, type AuditReport } from '../../libs/application';
import { coodyssee2016, generateHistory } from '../../libs/scenarios';
import { exampleData } from '../fixtures/commands';
import { startHarness, type Account, type Harness } from './api-harness';

/** Issue 12, deliver 3 and 4: label audits over HTTP, their record in the log, their reports made again and checked. */
describe('label audits over HTTP', () => {
  let h: Harness;
  let auditor: Account;
  let staff: Account;
  let head: number;

  const audit = (body: object, token = auditor.token) => h.http(token).post('/api/caes/coodyssee/audits').send(body);

  beforeAll(async () => {
    h = await startHarness();
    const envelopes = [...coodyssee2016(), ...generateHistory({ caeId: 'other', entrepreneurs: 8, year: 2016 })];
    for (let i = 0; i < envelopes.length; i += 1000) expect((await h.http().post('/api/commands').send(envelopes.slice(i, i + 1000))).status).toBe(200);
    auditor = await h.account('auditor', 'network_auditor');
    staff = await h.account('staff-coodyssee', { caeId: 'coodyssee', role: 'cae_staff' });
    await h.caughtUp();
    head = await h.runtime.store.headPosition();
  });
  afterAll(() => h.close());

  it('an auditor audits Coodyssée as of a date: every rule of the catalogue with its outcome, findings with their evidence, the score', async () => {
    const res = await audit({ asOf: '2016-12-31' }).expect(201);
    const report = res.body as AuditReport;
    expect(report).toMatchObject({ id: expect.stringMatching(/^audit-/), caeId: 'coodyssee', asOf: '2016-12-31', knownAt: null, performedBy: auditor.accountId });
    expect(report.rules.map((rule) => rule.id)).toEqual(CATALOGUE.map((rule) => rule.id));
    expect(report.chainHead).toMatchObject({ position: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/), signature: { algorithm: 'Ed25519' } });
    const { mandatory, recommended } = report.score;
    expect(mandatory.met).toBe(report.rules.filter((r) => r.level === 'mandatory' && (r.outcome === 'pass' || r.outcome === 'declared')).length);
    expect(mandatory.total).toBe(report.rules.filter((r) => r.level === 'mandatory' && r.outcome !== 'not_applicable').length);
    expect(recommended.total).toBe(report.rules.filter((r) => r.level === 'recommended' && r.outcome !== 'not_applicable').length);
    expect(report.score.labelEligible).toBe(mandatory.met === mandatory.total && recommended.met * 2 >= recommended.total);
    // Every finding of a failing rule points at events of the log, by position and hash.
    const failing = report.rules.filter((rule) => rule.outcome === 'fail');
    for (const rule of failing) expect([rule.id, rule.findings.length > 0]).toEqual([rule.id, true]);
    const evidence = report.rules.flatMap((rule) => rule.findings.flatMap((finding) => finding.evidence));
    for (const cited of evidence.slice(0, 50)) {
      const [event] = await h.runtime.store.readAll(cited.position, { limit: 1 });
      expect(event).toMatchObject({ position: cited.position, eventId: cited.eventId, hash: cited.hash, metadata: { caeId: 'coodyssee', occurredOn: cited.occurredOn } });
    }
    expect(await verifyReport(h.runtime.store, report)).toEqual({ ok: true, findings: [], signature: 'valid', evidence: evidence.length });
  });

  it('the same log, CAE and dates give the same report, byte for byte once its id, auditor and time are set aside', async () => {
    const strip = ({ id: _id, performedBy: _by, performedAt: _at, ...rest }: AuditReport) => JSON.stringify(rest);
    const first = (await audit({ asOf: '2016-12-31', knownAt: String(head) }).expect(201)).body as AuditReport;
    const second = (await audit({ asOf: '2016-12-31', knownAt: String(head) }, h.admin.token).expect(201)).body as AuditReport;
    expect(second.id).not.toBe(first.id);
    expect(strip(second)).toBe(strip(first));
    expect(second.reportHash).toBe(first.reportHash);
    // As of another day, another report.
    const earlier = (await audit({ asOf: '2016-03-31', knownAt: String(head) }).expect(201)).body as AuditReport;
    expect(earlier.reportHash).not.toBe(first.reportHash);
  });

  it('records each audit in the log (AuditPerformed), lists them, and makes a report again, as JSON or as the printable page', async () => {
    const made = (await audit({ asOf: '2016-06-30' }).expect(201)).body as AuditReport;
    await h.caughtUp();
    const [event] = (await h.runtime.store.readStream('cae-coodyssee')).filter((e) => e.type === 'AuditPerformed' && e.data['auditId'] === made.id);
    expect(event).toMatchObject({ metadata: { actor: auditor.accountId }, data: { reportHash: made.reportHash, chainHead: { position: made.chainHead.position, hash: made.chainHead.hash }, score: made.score } });
    const list = (await h.http(staff.token).get('/api/caes/coodyssee/audits').expect(200)).body;
    expect(list.audits.map((a: { auditId: string }) => a.auditId)).toContain(made.id);
    expect(list.audits.find((a: { auditId: string }) => a.auditId === made.id)).toMatchObject({ asOf: '2016-06-30', knownAt: null, reportHash: made.reportHash, auditor: auditor.accountId });
    const again = await h.http().get(`/api/caes/coodyssee/audits/${made.id}`);
    expect([again.status, again.body]).toEqual([200, made]);
    const page = await h.http(staff.token).get(`/api/caes/coodyssee/audits/${made.id}?format=html`).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('Audit du label — CAE coodyssee');
    expect(page.text).toContain(made.reportHash);
    const network = (await h.http(auditor.token).get('/api/network/audits').expect(200)).body;
    expect(network.caes.map((a: { caeId: string }) => a.caeId)).toEqual(['coodyssee']);
    expect(network.caes[0].auditId).toBe(made.id);
    expect((await h.http(auditor.token).get('/api/network/audits?asOf=2000-01-01').expect(200)).body).toEqual({ asOf: '2000-01-01', caes: [] });
  });

  it('a report changed by one byte, or citing an event the log does not hold, fails verification', async () => {
    const report = (await audit({ asOf: '2016-12-31', knownAt: String(head) }).expect(201)).body as AuditReport;
    const text = JSON.stringify(report);
    const at = text.indexOf('"message":"') + 12;
    const edited = JSON.parse(`${text.slice(0, at)}${text[at] === 'a' ? 'b' : 'a'}${text.slice(at + 1)}`);
    expect((await verifyReport(h.runtime.store, edited)).findings).toEqual(['The report was changed after it was made: its reportHash is not that of its content.']);
    const forged = structuredClone(report);
    const cited = forged.rules.flatMap((rule) => rule.findings.flatMap((finding) => finding.evidence))[0]!;
    cited.hash = 'f'.repeat(64);
    const check = await verifyReport(h.runtime.store, forged);
    expect(check.ok).toBe(false);
    expect(check.findings).toEqual(expect.arrayContaining([expect.stringContaining(`the event at position ${cited.position} is not the one cited`)]));
    const resigned = structuredClone(report);
    resigned.chainHead.signature!.value = Buffer.alloc(64).toString('base64');
    expect(await verifyReport(h.runtime.store, resigned)).toMatchObject({ ok: false, signature: 'invalid' });
  });

  it('only auditors and admins audit; staff read their own CAE’s audits; nobody records an audit through POST /api/commands', async () => {
    expect((await audit({ asOf: '2016-12-31' }, staff.token).expect(403)).body.error.code).toBe('FORBIDDEN');
    await h.http(staff.token).get('/api/caes/other/audits').expect(403);
    await h.http(staff.token).get('/api/network/audits').expect(403);
    await h.http(null).post('/api/caes/coodyssee/audits').send({ asOf: '2016-12-31' }).expect(401);
    const forged = await h.http().post('/api/commands').send({ type: 'RecordAudit', commandId: 'forged-audit', data: exampleData('RecordAudit') }).expect(403);
    expect(forged.body).toMatchObject({ status: 'rejected', error: { code: 'FORBIDDEN' } });
  });

  it('docs/audits.md lists every rule of the catalogue with its source and level', () => {
    const docs = readFileSync(join(__dirname, '../../docs/audits.md'), 'utf8');
    for (const rule of CATALOGUE) expect([rule.id, docs.includes(`| \`${rule.id}\` |`) && docs.includes(`| ${rule.source} | ${rule.domain} | ${rule.level} |`)]).toEqual([rule.id, true]);
  });

  it('refuses what is not an audit request, 400, and a CAE that is not there, 404, appending nothing', async () => {
    const before = await h.runtime.store.headPosition();
    for (const body of [{}, { asOf: '2016-02-30' }, { asOf: '2016-12-31', knownAt: 'soon' }, { asOf: '2016-12-31', extra: 1 }]) expect((await audit(body).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await h.http(auditor.token).post('/api/caes/nowhere/audits').send({ asOf: '2016-12-31' }).expect(404)).body.error.code).toBe('NOT_FOUND');
    await h.http(auditor.token).get('/api/caes/coodyssee/audits/audit-unknown').expect(404);
    expect(await h.runtime.store.headPosition()).toBe(before);
  });
});
