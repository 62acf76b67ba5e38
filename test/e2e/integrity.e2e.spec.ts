import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { CommandType } from '../../libs/domain';
import { exampleData } from '../fixtures/commands';
import { startHarness, type Harness } from './api-harness';

/** The API on a log damaged behind its back: a refusal the client can act on (503, stable code), never a 500. */
describe('commands on a damaged log', () => {
  let h: Harness;
  const STORY: CommandType[] = ['RegisterCae', 'IntegrateEntrepreneur', 'SignCape', 'RenewCape', 'SignCesa'];
  const send = (type: CommandType, commandId: string, data: object = exampleData(type)) => h.http().post('/api/commands').send({ type, commandId, data });
  const tamper = (sql: string): number => {
    const raw = new Database(join(h.dataDir, 'events.db'));
    try {
      return raw.prepare(sql).run().changes;
    } finally {
      raw.close();
    }
  };

  beforeEach(async () => {
    h = await startHarness();
    for (const type of STORY) expect((await send(type, `story-${type}`)).status).toBe(200);
  });
  afterEach(() => h.close());

  it('refuses a retry whose command record was deleted, instead of issuing a second invoice', async () => {
    const first = await send('IssueInvoice', 'invoice-1');
    expect(first.body.result).toMatchObject({ number: '2016-000001' });
    expect(tamper(`DELETE FROM commands WHERE command_id = 'invoice-1'`)).toBe(1);
    const head = await h.runtime.store.headPosition();

    const retry = await send('IssueInvoice', 'invoice-1');

    expect(retry.status).toBe(503);
    expect(retry.body).toMatchObject({ status: 'rejected', error: { code: 'LOG_INTEGRITY_FAILED', details: { problem: 'COMMAND_RECORD_MISSING', commandId: 'invoice-1' } } });
    expect(await h.runtime.store.headPosition()).toBe(head);
  });

  it('refuses every command once the last events were deleted, with no CONCURRENCY_CONFLICT and no position reused', async () => {
    const head = await h.runtime.store.headPosition();
    expect(tamper(`DELETE FROM events WHERE position > ${head - 2}`)).toBe(2);

    const onTruncatedStream = await send('IssueInvoice', 'invoice-after-truncation');
    const elsewhere = await send('RecordIntakeInterview', 'interview-after-truncation', { caeId: 'coodyssee', heldOn: '2016-02-01' });

    for (const res of [onTruncatedStream, elsewhere]) {
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: 'LOG_INTEGRITY_FAILED', details: { problem: 'LOG_HEAD_WENT_BACKWARDS', headPosition: head - 2, highestWritten: head } });
      expect(res.body.error.message).toContain('npm run cli -- verify');
    }
    expect(await h.runtime.store.headPosition()).toBe(head - 2);
  });
});
