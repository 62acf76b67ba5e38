import { coodyssee2016, generateHistory } from '../../libs/scenarios';
import { startHarness, type Harness } from './api-harness';

/**
 * Issue 12, deliver 1: every query route as of a business date (`asOf`) and as known at a moment of the log
 * (`knownAt`, a position or an instant), answered by replaying the CAE's events into throwaway read models.
 */
describe('query routes as of a date and as known at a moment of the log', () => {
  let h: Harness;
  /** The log's head once Coodyssée 2016 was imported, before the late correction. */
  let published: number;
  let credited: { number: string; totalExclVat: string };

  const everyRoute = (entrepreneurId: string) => [
    '/api/caes/coodyssee/statistics?year=2016',
    '/api/network/statistics?year=2016',
    `/api/caes/coodyssee/entrepreneurs/${entrepreneurId}/account`,
    '/api/caes/coodyssee/treasury',
    '/api/caes/coodyssee/registers/entrepreneurs',
    '/api/caes/coodyssee/registers/associates',
    '/api/caes/coodyssee/registers/share-movements',
    '/api/caes/coodyssee/invoices',
    '/api/caes/coodyssee/compliance?today=2017-01-15',
    '/api/caes/coodyssee/access',
  ];
  const get = async (path: string, query: string) => (await h.http().get(`${path}${path.includes('?') ? '&' : '?'}${query}`).expect(200)).body;

  beforeAll(async () => {
    h = await startHarness();
    const envelopes = [...coodyssee2016(), ...generateHistory({ caeId: 'other', entrepreneurs: 12, year: 2016 })];
    for (let i = 0; i < envelopes.length; i += 1000) expect((await h.http().post('/api/commands').send(envelopes.slice(i, i + 1000))).status).toBe(200);
    await h.caughtUp();
    published = await h.runtime.store.headPosition();
    // Recorded later, dated in 2016: the books said otherwise before it.
    const invoice = (await h.http().get('/api/caes/coodyssee/invoices').expect(200)).body.invoices[0];
    credited = { number: invoice.number, totalExclVat: invoice.totalExclVat };
    const correction = { type: 'IssueCreditNote', commandId: 'late-correction', data: { caeId: 'coodyssee', invoiceNumber: invoice.number, issuedOn: '2016-12-31', reason: 'Erreur de facturation relevée à la clôture' } };
    expect((await h.http().post('/api/commands').send(correction).expect(200)).body.status).toBe('accepted');
    await h.caughtUp();
  });
  afterAll(() => h.close());

  it('as of a date after every fact, each route answers exactly what the live read models do', async () => {
    const register = (await h.http().get('/api/caes/coodyssee/registers/entrepreneurs').expect(200)).body;
    for (const path of everyRoute(register.entrepreneurs[0].entrepreneurId)) {
      const live = (await h.http().get(path).expect(200)).body;
      expect([path, await get(path, 'asOf=2099-12-31')]).toEqual([path, live]);
    }
  });

  it('knownAt a position before the correction gives the 2016 report as it could be published then; the live one has the credit note', async () => {
    const live = (await h.http().get('/api/caes/coodyssee/statistics?year=2016').expect(200)).body;
    const then = await get('/api/caes/coodyssee/statistics?year=2016', `knownAt=${published}`);
    expect(then.revenue.total).toBe('908700.00');
    expect(live.revenue.total).not.toBe('908700.00');
    expect(then.headcount).toEqual(live.headcount);
    const invoices = await get('/api/caes/coodyssee/invoices', `knownAt=${published}`);
    expect(invoices.invoices.find((i: { number: string }) => i.number === credited.number).creditNotes).toEqual([]);
    // An instant works the same way: before anything was recorded the CAE did not exist; after everything, it is live.
    expect((await h.http().get('/api/caes/coodyssee/statistics?year=2016&knownAt=2000-01-01T00:00:00Z').expect(404)).body.error.code).toBe('NOT_FOUND');
    expect(await get('/api/caes/coodyssee/statistics?year=2016', 'knownAt=2999-01-01T00:00:00%2B01:00')).toEqual(live);
  });

  it('as of mid-year, the registers and figures stand as they did that day', async () => {
    const midYear = await get('/api/caes/coodyssee/statistics?year=2016', 'asOf=2016-06-30');
    const live = (await h.http().get('/api/caes/coodyssee/statistics?year=2016').expect(200)).body;
    // The first six months as they were; nothing after June happened yet.
    expect(midYear.monthly.slice(0, 6)).toEqual(live.monthly.slice(0, 6));
    for (const month of midYear.monthly.slice(6)) expect(month).toMatchObject({ entries: 0, exits: 0 });
    expect(Number(midYear.revenue.total)).toBeLessThan(Number(live.revenue.total));
    const register = await get('/api/caes/coodyssee/registers/entrepreneurs', 'asOf=2016-06-30');
    const lines = register.entrepreneurs.flatMap((e: { history: { on: string }[] }) => e.history.map((line) => line.on));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((day: string) => day > '2016-06-30')).toEqual([]);
    expect(register.asOf <= '2016-06-30').toBe(true);
    const liveRegister = (await h.http().get('/api/caes/coodyssee/registers/entrepreneurs').expect(200)).body;
    expect(register.entrepreneurs.length).toBeLessThan(liveRegister.entrepreneurs.length);
    // Compliance as of a date is that day's, unless another day is asked.
    expect((await get('/api/caes/coodyssee/compliance', 'asOf=2016-06-30')).meetings.year).toBe(2016);
  });

  it('never touches the live read models', async () => {
    const before = await Promise.all(['treasury', 'registers', 'network-statistics', 'access'].map((name) => h.runtime.readStore.status(name)));
    const live = (await h.http().get('/api/caes/coodyssee/statistics?year=2016').expect(200)).body;
    await get('/api/caes/coodyssee/statistics?year=2016', 'asOf=2016-03-31');
    await get('/api/network/statistics?year=2016', `knownAt=${published - 100}`);
    expect((await h.http().get('/api/caes/coodyssee/statistics?year=2016').expect(200)).body).toEqual(live);
    expect(await Promise.all(['treasury', 'registers', 'network-statistics', 'access'].map((name) => h.runtime.readStore.status(name)))).toEqual(before);
  });

  it('refuses a date or a moment that is not one, 400 VALIDATION_FAILED naming the parameter, and appends nothing', async () => {
    const head = await h.runtime.store.headPosition();
    for (const query of ['asOf=2016-02-30', 'asOf=16-06-30', 'knownAt=yesterday', 'knownAt=-1', 'knownAt=2017-03-01', 'knownAt=2017-13-01T00:00:00Z', 'asOf=2016-06-30&asOf=2016-07-31']) {
      const res = await h.http().get(`/api/caes/coodyssee/treasury?${query}`).expect(400);
      expect([query, res.body.error.code, res.body.error.details.errors[0].path]).toEqual([query, 'VALIDATION_FAILED', query.slice(0, query.indexOf('='))]);
    }
    expect(await h.runtime.store.headPosition()).toBe(head);
  });

  it('asks the same policy: another CAE\'s staff is refused as of any date', async () => {
    const staff = await h.account('staff-other', { caeId: 'other', role: 'cae_staff' });
    expect((await h.http(staff.token).get('/api/caes/coodyssee/treasury?asOf=2016-06-30').expect(403)).body.error.code).toBe('FORBIDDEN');
    await h.http(staff.token).get('/api/caes/other/treasury?asOf=2016-06-30').expect(200);
  });
});
