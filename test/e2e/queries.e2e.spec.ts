import { coodyssee2016, generateHistory } from '../../libs/scenarios';
import { ALL_PROJECTIONS } from '../../projections';
import { startHarness, type Harness } from './api-harness';
import { coodyssee2016MonthlyRows } from '../fixtures/coodyssee-2016-report';

/** The query answers a client sees, every route, for one CAE. */
const everyRoute = (caeId: string, entrepreneurId: string) => [
  `/api/caes/${caeId}/statistics?year=2016`,
  `/api/network/statistics?year=2016`,
  `/api/caes/${caeId}/entrepreneurs/${entrepreneurId}/account`,
  `/api/caes/${caeId}/treasury`,
  `/api/caes/${caeId}/registers/entrepreneurs`,
  `/api/caes/${caeId}/registers/associates`,
  `/api/caes/${caeId}/registers/share-movements`,
  `/api/caes/${caeId}/invoices`,
  `/api/caes/${caeId}/compliance`,
];

describe('query routes over the real projector', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const envelopes = [...coodyssee2016(), ...generateHistory({ caeId: 'other', entrepreneurs: 12, year: 2016 })];
    for (let i = 0; i < envelopes.length; i += 1000) {
      const res = await h.http().post('/api/commands').send(envelopes.slice(i, i + 1000));
      expect(res.status).toBe(200);
    }
    await h.caughtUp();
  });
  afterAll(() => h.close());

  describe('acceptance: GET /api/caes/coodyssee/statistics?year=2016 returns each Coodyssée figure', () => {
    let s: Record<string, any>;
    beforeAll(async () => {
      s = (await h.http().get('/api/caes/coodyssee/statistics?year=2016').expect(200)).body;
    });

    it('headcounts', () => {
      expect(s['scope']).toBe('coodyssee');
      expect(s['year']).toBe(2016);
      expect(s['headcount']).toEqual({ start: 85, end: 84, entries: 24, exits: 25, accompanied: 109, endByStatus: { cape: 12, salaried: 64, associates: 8 } });
    });

    it('the twelve monthly rows', () => {
      expect(s['monthly']).toEqual(
        coodyssee2016MonthlyRows(),
      );
    });

    it('revenue, VAT, contributions, subsidies and the 7.10 return', () => {
      expect(s['revenue']).toMatchObject({
        total: '908700.00',
        vatCollected: '98720.00',
        contributions: '109044.00',
        subsidies: '35625.00',
        socialAndFiscalReturnPerSubsidyEuro: '7.10',
      });
    });

    it('employee and employer contributions add up to 154,337.00', () => {
      const cents = (v: string) => BigInt(v.replace('.', ''));
      expect(cents(s['payroll'].employeeContributions) + cents(s['payroll'].employerContributions)).toBe(15433700n);
    });

    it('associates', () => {
      expect(s['associates']).toMatchObject({ end: { entrepreneur: 8, staff: 0, external: 2, total: 10 }, newAssociates: 1 });
    });
  });

  it('the network sums its CAEs', async () => {
    const network = (await h.http().get('/api/network/statistics?year=2016').expect(200)).body;
    const coodyssee = (await h.http().get('/api/caes/coodyssee/statistics?year=2016').expect(200)).body;
    const other = (await h.http().get('/api/caes/other/statistics?year=2016').expect(200)).body;
    expect(network.scope).toBe('network');
    expect(network.network.caes).toBe(2);
    expect(network.network.byCae.map((c: { caeId: string; revenue: string }) => [c.caeId, c.revenue]))
      .toEqual([['other', other.revenue.total], ['coodyssee', coodyssee.revenue.total]]);
    expect(network.headcount.end).toBe(coodyssee.headcount.end + other.headcount.end);
    expect(network.headcount.entries).toBe(coodyssee.headcount.entries + other.headcount.entries);
  });

  it('every route answers from the read models', async () => {
    for (const route of everyRoute('coodyssee', 'es-001')) {
      const res = await h.http().get(route);
      expect([route, res.status]).toEqual([route, 200]);
    }
    const account = (await h.http().get('/api/caes/other/entrepreneurs/e-0001/account').expect(200)).body;
    expect(account).toMatchObject({ caeId: 'other', entrepreneurId: 'e-0001' });
    expect(account.monthly.length).toBeGreaterThan(6);
    const invoices = (await h.http().get('/api/caes/other/invoices').expect(200)).body;
    expect(invoices.invoices[0].number).toBe('2016-000001');
  });

  it('404s say what was not found; a bad year is a 400', async () => {
    const unknownCae = await h.http().get('/api/caes/nowhere/statistics?year=2016').expect(404);
    expect(unknownCae.body.error).toEqual({ code: 'NOT_FOUND', message: 'CAE "nowhere" is not registered.' });
    const unknownEntrepreneur = await h.http().get('/api/caes/other/entrepreneurs/nobody/account').expect(404);
    expect(unknownEntrepreneur.body.error.message).toContain('"nobody"');
    for (const route of ['/api/caes/nowhere/invoices', '/api/caes/nowhere/registers/entrepreneurs', '/api/caes/nowhere/compliance'])
      expect((await h.http().get(route).expect(404)).body.error.code).toBe('NOT_FOUND');
    for (const year of ['', 'abc', '16', '2016.5'])
      expect((await h.http().get(`/api/caes/coodyssee/statistics?year=${year}`).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await h.http().get('/api/network/statistics').expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    expect((await h.http().get('/api/caes/coodyssee/compliance?today=yesterday').expect(400)).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('health reports each projection’s lag', async () => {
    const health = (await h.http().get('/api/health').expect(200)).body;
    expect(health.projections.map((p: { projection: string }) => p.projection)).toEqual(ALL_PROJECTIONS.map((p) => p.name));
    for (const p of health.projections) expect(p).toMatchObject({ eventsBehind: 0, msBehind: 0, head: health.eventLog.headPosition });
  });

  it('a rebuild of every projection gives the same answers as live projection did', async () => {
    const before = await Promise.all(everyRoute('other', 'e-0001').map(async (route) => (await h.http().get(route)).body));
    for (const projection of ALL_PROJECTIONS) await h.runtime.projector.rebuild(projection.name);
    const after = await Promise.all(everyRoute('other', 'e-0001').map(async (route) => (await h.http().get(route)).body));
    expect(after).toEqual(before);
  });

  it('after ForgetPerson the registers show [forgotten]; money and counts are unchanged', async () => {
    const before = {
      stats: (await h.http().get('/api/caes/other/statistics?year=2016').expect(200)).body,
      account: (await h.http().get('/api/caes/other/entrepreneurs/e-0002/account').expect(200)).body,
    };
    await h
      .http()
      .post('/api/commands')
      .send({ type: 'ForgetPerson', commandId: 'forget-e-0002', data: { caeId: 'other', kind: 'entrepreneur', personId: 'e-0002' } })
      .expect(200);
    await h.caughtUp();
    const register = (await h.http().get('/api/caes/other/registers/entrepreneurs').expect(200)).body;
    const forgotten = register.entrepreneurs.find((e: { entrepreneurId: string }) => e.entrepreneurId === 'e-0002');
    expect(Object.values(forgotten.person).every((v) => v === '[forgotten]')).toBe(true);
    expect(JSON.stringify(register)).not.toContain('Nom1"');
    const after = {
      stats: (await h.http().get('/api/caes/other/statistics?year=2016').expect(200)).body,
      account: (await h.http().get('/api/caes/other/entrepreneurs/e-0002/account').expect(200)).body,
    };
    expect(after.account).toEqual(before.account);
    expect(after.stats.headcount).toEqual(before.stats.headcount);
    expect(after.stats.revenue).toEqual(before.stats.revenue);
    expect(after.stats.payroll).toEqual(before.stats.payroll);
  });
});
