import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { coodyssee2016, demoIdentities } from '../../libs/scenarios';
import { checkFec } from '../../projections/ledger/check-fec';
import { fromLatin9 } from '../../projections/ledger/latin9';
import { startHarness, type Harness } from './api-harness';

/** Issue 14: Coodyssée's FEC for 2016 over HTTP and from the CLI, checked, reproducible at a position. */
const cli = join(resolve(__dirname, '../..'), 'dist/apps/cli/src/main.js');

const binary = (res: { on: (event: string, listener: (chunk?: Buffer) => void) => void }, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk) => chunks.push(chunk!));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const rows = (text: string) => text.split('\r\n').slice(1, -1).map((row) => row.split('\t'));
/** Debit minus credit, in cents, of the lines of the accounts matching. */
const balance = (text: string, account: RegExp) => rows(text).filter((r) => account.test(r[4]!)).reduce((sum, r) => sum + BigInt(r[11]!.replace(',', '')) - BigInt(r[12]!.replace(',', '')), 0n);

describe('the FEC of a CAE: GET /api/caes/{caeId}/fec and npm run cli -- fec', () => {
  let h: Harness;
  let beforeIdentity: number;
  beforeAll(async () => {
    h = await startHarness();
    const envelopes = coodyssee2016();
    for (let i = 0; i < envelopes.length; i += 1000) expect((await h.http().post('/api/commands').send(envelopes.slice(i, i + 1000))).status).toBe(200);
    beforeIdentity = await h.runtime.store.headPosition();
    expect((await h.http().post('/api/commands').send(demoIdentities().filter((e) => e.data['caeId'] === 'coodyssee' && e.type === 'RecordCaeIdentity'))).status).toBe(200);
    await h.caughtUp();
  });
  afterAll(() => h.close());

  const fec = (query: string) => h.http().get(`/api/caes/coodyssee/fec${query}`).buffer(true).parse(binary);

  it('Coodyssée 2016: named by its SIREN, ISO 8859-15, passing its own check, 908,700.00 of revenue on 70x net of the credit notes', async () => {
    const res = await fec('?year=2016');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=iso-8859-15');
    expect(res.headers['content-disposition']).toBe('attachment; filename="812345676FEC20161231.txt"');
    const bytes = res.body as Buffer;
    expect(res.headers['x-content-sha256']).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(Number(res.headers['x-log-position'])).toBe(await h.runtime.store.headPosition());
    const text = fromLatin9(bytes);
    expect(checkFec(text, 2016)).toEqual([]);
    expect(balance(text, /^70/)).toBe(-90870000n);
    // Every entry balanced, so the whole file is; the contribution nets to zero between its two accounts, 12% of the revenue.
    expect(balance(text, /./)).toBe(0n);
    expect(balance(text, /^18[67]/)).toBe(0n);
    expect(balance(text, /^187/)).toBe(-10904400n);
    expect(new Set(rows(text).map((r) => r[0]))).toEqual(new Set(['VE', 'BQ', 'PA', 'AC', 'OD']));
    // Each line names its activity: an entrepreneur's, or the structure's.
    expect(rows(text).every((r) => /^\[([a-z0-9-]+|STRUCTURE)\] /.test(r[10]!))).toBe(true);
    expect(text).toContain('Opérations diverses');
  });

  it('the same position gives the same bytes, after the log has moved on', async () => {
    const first = await fec('?year=2016');
    const position = first.headers['x-log-position'] as string;
    expect((await h.http().post('/api/commands').send({ type: 'RecordExpense', commandId: 'fec-late-expense', data: { caeId: 'coodyssee', entrepreneurId: 'es-001', incurredOn: '2016-12-20', category: 'Déplacements', amount: '10.00', vat: '2.00', description: 'Bus' } })).body).toMatchObject({ status: 'accepted' });
    const now = await fec('?year=2016');
    expect(now.headers['x-content-sha256']).not.toBe(first.headers['x-content-sha256']);
    const again = await fec(`?year=2016&position=${position}`);
    expect(again.headers['x-log-position']).toBe(position);
    expect(Buffer.compare(again.body as Buffer, first.body as Buffer)).toBe(0);
  });

  it('refuses a year with no activity, a CAE without SIREN, bad parameters and an unknown CAE, appending nothing', async () => {
    const head = await h.runtime.store.headPosition();
    const none = await h.http().get('/api/caes/coodyssee/fec?year=2030');
    expect([none.status, none.body.error.code]).toEqual([404, 'NO_ACTIVITY_IN_YEAR']);
    const unnamed = await h.http().get(`/api/caes/coodyssee/fec?year=2016&position=${beforeIdentity}`);
    expect([unnamed.status, unnamed.body.error.code]).toEqual([422, 'CAE_IDENTITY_MISSING']);
    for (const query of ['', '?year=16', '?year=2016&position=-1', '?year=2016&asOf=2016-06-30'])
      expect([query, (await h.http().get(`/api/caes/coodyssee/fec${query}`)).status]).toEqual([query, 400]);
    expect((await h.http().get('/api/caes/nowhere/fec?year=2016')).status).toBe(404);
    expect(await h.runtime.store.headPosition()).toBe(head);
  });

  it('the CLI writes the same file into a folder, with its position and SHA-256', async () => {
    const res = await fec('?year=2016');
    const out = mkdtempSync(join(tmpdir(), 'alveole-fec-'));
    try {
      const run = spawnSync(process.execPath, [cli, 'fec', '--cae', 'coodyssee', '--year', '2016', '--out', out], { env: { ...process.env, DATA_DIR: h.dataDir, DEMO: 'off' }, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain(`made at log position ${res.headers['x-log-position']}, SHA-256 ${res.headers['x-content-sha256']}`);
      expect(Buffer.compare(readFileSync(join(out, '812345676FEC20161231.txt')), res.body as Buffer)).toBe(0);
      const empty = spawnSync(process.execPath, [cli, 'fec', '--cae', 'coodyssee', '--year', '2030'], { env: { ...process.env, DATA_DIR: h.dataDir, DEMO: 'off' }, encoding: 'utf8' });
      expect([empty.status, empty.stdout.trim()]).toEqual([1, 'CAE coodyssee has no entry in 2030: no FEC for that year.']);
      expect(spawnSync(process.execPath, [cli, 'fec', '--cae', 'coodyssee', '--year', 'x'], { encoding: 'utf8' }).status).toBe(2);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
