import { coodyssee2016 } from '../../libs/scenarios';
import { startHarness, type Harness } from './api-harness';

/** Parses the exports' CSV (the format csv.ts writes): BOM, CRLF, quoted fields with doubled quotes. */
const parse = (text: string): string[][] => {
  expect(text.startsWith('\ufeff')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && body[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
};

describe('CSV exports of a CAE’s tables', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const envelopes = coodyssee2016();
    for (let i = 0; i < envelopes.length; i += 1000) expect((await h.http().post('/api/commands').send(envelopes.slice(i, i + 1000))).status).toBe(200);
    await h.caughtUp();
  });
  afterAll(() => h.close());

  const csv = async (table: string, query = '') => {
    const res = await h.http().get(`/api/caes/coodyssee/exports/${table}.csv${query}`).buffer(true).parse((response, done) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => done(null, text));
    });
    expect([table, res.status]).toEqual([table, 200]);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="coodyssee-${table}.csv"`);
    return parse(res.body as string);
  };

  it('the invoices: one line per invoice of the route, money as its decimal strings, the totals to the cent', async () => {
    const { invoices } = (await h.http().get('/api/caes/coodyssee/invoices').expect(200)).body;
    const rows = await csv('invoices');
    expect(rows[0]!.slice(0, 9)).toEqual(['Numéro', 'Émise le', 'Échéance', 'Entrepreneur', 'Type de client', 'Client', 'Total HT', 'TVA', 'Total TTC']);
    expect(rows.length - 1).toBe(invoices.length);
    expect(rows.slice(1).map((r) => [r[0], r[6], r[8]])).toEqual(invoices.map((i: { number: string; totalExclVat: string; totalInclVat: string }) => [i.number, i.totalExclVat, i.totalInclVat]));
    // 910,250.00 invoiced excl. VAT in 2016, before the credit notes that bring the revenue to 908,700.00.
    const cents = rows.slice(1).reduce((sum, r) => sum + BigInt(r[6]!.replace('.', '')), 0n);
    expect(cents).toBe(91025000n);
  });

  it('every table answers with its header and as many lines as its route; the registers as of a date', async () => {
    const register = (await h.http().get('/api/caes/coodyssee/registers/entrepreneurs').expect(200)).body.entrepreneurs;
    expect((await csv('entrepreneurs')).length - 1).toBe(register.length);
    const midYear = (await h.http().get('/api/caes/coodyssee/registers/entrepreneurs?asOf=2016-06-30').expect(200)).body.entrepreneurs;
    expect((await csv('entrepreneurs', '?asOf=2016-06-30')).length - 1).toBe(midYear.length);
    expect(midYear.length).toBeLessThan(register.length);
    const associates = (await h.http().get('/api/caes/coodyssee/registers/associates').expect(200)).body.associates;
    expect((await csv('associates')).length - 1).toBe(associates.length);
    const movements = (await h.http().get('/api/caes/coodyssee/registers/share-movements').expect(200)).body.movements;
    expect((await csv('share-movements')).length - 1).toBe(movements.length);
    expect((await csv('clients'))[0]).toEqual(['Client', 'Nom', 'Type', 'SIREN', 'SIRET', 'TVA', 'Adresse', 'Service Chorus Pro']);
    const accounts = await csv('accounts');
    expect(accounts[0]!.slice(0, 3)).toEqual(['Entrepreneur', 'Mois', 'CA HT']);
    const camille = (await h.http().get('/api/caes/coodyssee/entrepreneurs/esa-01/account').expect(200)).body;
    expect(accounts.filter((r) => r[0] === 'esa-01').map((r) => [r[1], r[2]])).toEqual(camille.monthly.map((m: { month: string; revenueExclVat: string }) => [m.month, m.revenueExclVat]));
  });

  it('a field holding a comma or a quote is quoted, its quotes doubled', async () => {
    const rows = await csv('entrepreneurs');
    const withComma = rows.find((r) => r.some((f) => f.includes(',')));
    const text = (await h.http().get('/api/caes/coodyssee/exports/entrepreneurs.csv').buffer(true).parse((response, done) => {
      let t = '';
      response.setEncoding('utf8');
      response.on('data', (c: string) => (t += c));
      response.on('end', () => done(null, t));
    })).body as string;
    if (withComma) expect(text).toContain(`"${withComma.find((f) => f.includes(','))!.replace(/"/g, '""')}"`);
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it('an unknown table is 404 NOT_FOUND naming the tables; an unknown CAE 404; a bad parameter 400', async () => {
    const unknown = await h.http().get('/api/caes/coodyssee/exports/salaries.csv').expect(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    expect(unknown.body.error.message).toContain('invoices.csv');
    expect((await h.http().get('/api/caes/nowhere/exports/invoices.csv').expect(404)).body.error.code).toBe('NOT_FOUND');
    expect((await h.http().get('/api/caes/coodyssee/exports/invoices.csv?asOf=2016-02-30').expect(400)).body.error.code).toBe('VALIDATION_FAILED');
  });
});
