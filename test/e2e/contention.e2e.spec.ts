import { performance } from 'node:perf_hooks';
import { invoiceSeriesStream, type CommandType } from '../../libs/domain';
import { WrongExpectedRevisionError } from '../../libs/event-store';
import { exampleData } from '../fixtures/commands';
import { startHarness, type Harness } from './api-harness';

const envelope = (type: CommandType, commandId: string, data: object = exampleData(type)) => ({ type, commandId, data });

const ENTREPRENEURS = Array.from({ length: 8 }, (_, i) => `e-${String(i + 1).padStart(3, '0')}`);

/** Coodyssée with entrepreneurs under a CESA on 2016-09-05, the day every invoice below is issued. */
const network = () => [
  envelope('RegisterCae', 'cae'),
  ...ENTREPRENEURS.flatMap((entrepreneurId) =>
    (['IntegrateEntrepreneur', 'SignCape', 'RenewCape', 'SignCesa'] as const).map((type) =>
      envelope(type, `${type}-${entrepreneurId}`, { ...exampleData(type), entrepreneurId }),
    ),
  ),
];

const invoice = (commandId: string, entrepreneurId: string) => envelope('IssueInvoice', commandId, { ...exampleData('IssueInvoice'), entrepreneurId });

const continuous = (n: number) => Array.from({ length: n }, (_, i) => `2016-${String(i + 1).padStart(6, '0')}`);

interface Outcome {
  status: string;
  error?: { code: string };
  result?: { number: string };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

describe('contention on one invoice series (one process)', () => {
  let h: Harness;
  /** Conflicts the log reported: writers of one process wait their turn, so there must be none. */
  let conflicts: number;

  let url: string;

  beforeEach(async () => {
    h = await startHarness();
    await h.http().post('/api/commands').send(network()).expect(200);
    // A listening socket and keep-alive clients, as in production: supertest's connection per request paces them.
    await h.app.listen(0, '127.0.0.1');
    url = await h.app.getUrl();
    conflicts = 0;
    const append = h.runtime.store.appendToStreams.bind(h.runtime.store);
    jest.spyOn(h.runtime.store, 'appendToStreams').mockImplementation(async (...args) => {
      try {
        return await append(...args);
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) conflicts++;
        throw error;
      }
    });
  });
  afterEach(async () => {
    await h.close();
  });

  const post = async (body: object): Promise<{ status: number; body: Outcome }> => {
    const res = await fetch(`${url}/api/commands`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${h.admin.token}` }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Outcome };
  };

  const seriesNumbers = async () => (await h.runtime.store.readStream(invoiceSeriesStream('coodyssee', 2016))).map((e) => e.data['number']);

  it('32 clients × 20 invoices, several per entrepreneur: every one accepted, numbers continuous, no conflict', async () => {
    const clients = 32;
    const perClient = 20;
    const latencies: number[] = [];
    const statuses: number[] = [];
    const numbers: string[] = [];
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        // Four clients per entrepreneur: the entrepreneur's stream is contended as well as the series.
        const entrepreneurId = ENTREPRENEURS[c % ENTREPRENEURS.length]!;
        for (let i = 0; i < perClient; i++) {
          const started = performance.now();
          const res = await post(invoice(`c${c}-${i}`, entrepreneurId));
          latencies.push(performance.now() - started);
          statuses.push(res.status);
          if (res.status !== 200) console.log(`c${c}-${i}: ${res.status} ${JSON.stringify(res.body.error)}`);
          else numbers.push(res.body.result!.number);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    console.log(
      `${clients} clients × ${perClient} invoices on one series: p50 ${percentile(latencies, 50).toFixed(1)} ms, ` +
        `p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies[latencies.length - 1]!.toFixed(1)} ms, ${conflicts} conflicts`,
    );
    expect(statuses).toEqual(Array(clients * perClient).fill(200));
    expect(numbers.sort()).toEqual(continuous(clients * perClient));
    expect(await seriesNumbers()).toEqual(continuous(clients * perClient));
    expect(conflicts).toBe(0);
  });

  it('4 parallel batches of 250 invoices: all 1,000 accepted, numbers continuous, no conflict', async () => {
    const batches = Array.from({ length: 4 }, (_, b) =>
      Array.from({ length: 250 }, (_, i) => invoice(`b${b}-${i}`, ENTREPRENEURS[(b * 250 + i) % ENTREPRENEURS.length]!)),
    );
    const responses = await Promise.all(batches.map((batch) => post(batch)));
    const outcomes = responses.flatMap((res) => res.body as unknown as Outcome[]);
    const refused = outcomes.filter((o) => o.status !== 'accepted');
    if (refused.length > 0) console.log(`${refused.length} refused: ${JSON.stringify(refused.map((o) => o.error?.code))}`);
    console.log(`4 × 250 invoices in parallel batches: ${conflicts} conflicts`);
    expect(responses.map((res) => res.status)).toEqual([200, 200, 200, 200]);
    expect(refused).toEqual([]);
    expect(outcomes.map((o) => o.result!.number).sort()).toEqual(continuous(1000));
    expect(await seriesNumbers()).toEqual(continuous(1000));
    expect(conflicts).toBe(0);
  });
});
