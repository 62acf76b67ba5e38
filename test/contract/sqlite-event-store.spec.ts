import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainHash, LogIntegrityError, type RecordedEvent, SqliteEventStore, WrongExpectedRevisionError } from '../../libs/event-store';
import { anEvent, consume, describeEventStoreContract, eventsOf, someEvents } from './event-store.contract';

function temporaryFile(): { path: string; remove: () => Promise<void> } {
  const directory = mkdtempSync(join(tmpdir(), 'alveole-event-store-'));
  return { path: join(directory, 'events.sqlite'), remove: async () => rmSync(directory, { recursive: true, force: true }) };
}

describeEventStoreContract('SqliteEventStore', async () => {
  const file = temporaryFile();
  return { store: SqliteEventStore.open(file.path), cleanup: file.remove };
});

describe('SqliteEventStore — on disk', () => {
  let file: ReturnType<typeof temporaryFile>;
  const opened: SqliteEventStore[] = [];
  const open = (): SqliteEventStore => {
    const store = SqliteEventStore.open(file.path);
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    file = temporaryFile();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    await file.remove();
  });

  /** cae-a at odd positions 1…11, cae-b at even positions 2…12; amounts 100, 101… in each CAE. */
  async function appendTwoCaes(store: SqliteEventStore): Promise<RecordedEvent[]> {
    for (let n = 0; n < 6; n++) {
      await store.append('invoices-a', [anEvent('cae-a', { amount: `${100 + n}.00` }, 'InvoiceIssued')], 'any');
      await store.append('invoices-b', [anEvent('cae-b', { amount: `${100 + n}.00` }, 'InvoiceIssued')], 'any');
    }
    return store.readAll(1);
  }

  /** Writes to the file behind the store's back, as someone with access to the disk could. */
  function tamper(sql: string, ...parameters: unknown[]): void {
    tamperRows(1, sql, ...parameters);
  }

  function tamperRows(rows: number, sql: string, ...parameters: unknown[]): void {
    const raw = new Database(file.path);
    try {
      expect(raw.prepare(sql).run(...parameters).changes).toBe(rows);
    } finally {
      raw.close();
    }
  }

  async function refusal(append: Promise<unknown>): Promise<unknown> {
    return append.then(
      () => undefined,
      (error: unknown) => error,
    );
  }

  it('creates the file in WAL mode', async () => {
    await open().append('s', someEvents(1), 'no_stream');
    const raw = new Database(file.path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('keeps events, revisions, chain heads and commands across a reopen', async () => {
    const first = open();
    await appendTwoCaes(first);
    const command = { commandId: 'command-13', fingerprint: 'f'.repeat(64), result: { number: 'F-1' } };
    await first.appendToStreams([{ streamId: 'invoices-a', expectedRevision: 5, events: eventsOf('command-13', 1, 'cae-a') }], command);
    const before = await first.readAll(1);
    const commandBefore = await first.findCommand('command-13');
    await first.close();

    const reopened = open();

    expect(await reopened.readAll(1)).toEqual(before);
    expect(await reopened.headPosition()).toBe(13);
    expect(await reopened.streamRevision('invoices-a')).toBe(6);
    expect(await reopened.streamRevision('invoices-b')).toBe(5);
    expect(await reopened.findCommand('command-13')).toEqual(commandBefore);
    const [next] = (await reopened.append('invoices-b', someEvents(1, 'cae-b'), 5)).events;
    const lastOfB = before.filter((event) => event.metadata.caeId === 'cae-b').pop()!;
    expect(next.position).toBe(14);
    expect(next.hash).toBe(chainHash(lastOfB.hash, next));
    expect(await reopened.verify()).toMatchObject({ ok: true, events: 14 });
  });

  it('opens an in-memory database', async () => {
    const store = SqliteEventStore.open(':memory:');
    opened.push(store);
    await store.append('s', someEvents(2), 'no_stream');
    expect(await store.streamRevision('s')).toBe(1);
  });

  it('names the event whose stored data was altered', async () => {
    const store = open();
    await appendTwoCaes(store);
    await store.close();

    tamper(`UPDATE events SET data = json_set(data, '$.amount', '1.00') WHERE position = 5`);

    const report = await open().verify();
    expect(report.ok).toBe(false);
    expect(report.firstBrokenPosition).toBe(5);
    expect(report.caes).toEqual([
      expect.objectContaining({ caeId: 'cae-a', events: 6, ok: false, firstBrokenPosition: 5 }),
      expect.objectContaining({ caeId: 'cae-b', events: 6, ok: true }),
    ]);
  });

  it("names the next event of the CAE when the altered event's own hash was recomputed", async () => {
    const store = open();
    const events = await appendTwoCaes(store);
    await store.close();
    const [previousOfA, altered] = [events[2], events[4]];
    const forged = { ...altered, data: { amount: '1.00' } };

    tamper(`UPDATE events SET data = ?, hash = ? WHERE position = 5`, JSON.stringify(forged.data), chainHash(previousOfA.hash, forged));

    const reopened = open();
    const report = await reopened.verify();
    expect(report.firstBrokenPosition).toBe(7);
    expect(report.caes).toEqual([
      expect.objectContaining({ caeId: 'cae-a', ok: false, firstBrokenPosition: 7 }),
      expect.objectContaining({ caeId: 'cae-b', ok: true }),
    ]);
    expect(await reopened.verify({ caeId: 'cae-b' })).toMatchObject({ ok: true, events: 6 });
  });

  it('lets a subscription see what another connection to the file appends', async () => {
    const reader = open();
    const writer = open();
    const subscription = reader.subscribeAll(1, { pollIntervalMs: 10 });
    const consumer = consume(subscription);

    await writer.append('s', someEvents(2), 'no_stream');
    await reader.append('s', someEvents(1), 1);
    await writer.append('s', someEvents(1), 2);
    await consumer.until(4);

    expect(consumer.received.map((event) => [event.position, event.revision])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 3],
    ]);
    await subscription.close();
    await consumer.done;
  });

  it('checks expected revisions against what other connections wrote', async () => {
    const one = open();
    const other = open();
    await one.append('s', someEvents(1), 'no_stream');

    await expect(other.append('s', someEvents(1), 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await other.append('s', someEvents(1), 0);
    expect(await one.streamRevision('s')).toBe(1);
    expect(await one.verify()).toMatchObject({ ok: true, events: 2 });
  });

  describe('truncation and deletions behind its back', () => {
    it("names a CAE whose last events were deleted: its stored head is not its chain's", async () => {
      await appendTwoCaes(open());
      tamperRows(2, `DELETE FROM events WHERE position IN (9, 11)`);

      const report = await open().verify();

      expect(report.ok).toBe(false);
      expect(report.caes.find((cae) => cae.caeId === 'cae-a')).toMatchObject({ ok: false, events: 4 });
      expect(report.caes.find((cae) => cae.caeId === 'cae-b')).toMatchObject({ ok: true, events: 6 });
      expect(report.findings.map((finding) => [finding.code, finding.position ?? finding.caeId])).toEqual([
        ['POSITIONS_MISSING', 9],
        ['POSITIONS_MISSING', 11],
        ['STORED_HEAD_MISMATCH', 'cae-a'],
      ]);
    });

    it("refuses appends to a stream whose last events were deleted, naming it, instead of a conflict forever", async () => {
      await appendTwoCaes(open());
      tamper(`DELETE FROM events WHERE position = 11`);
      const store = open();
      const readRevision = (await store.readStream('invoices-a')).length - 1;

      const refused = await refusal(store.append('invoices-a', someEvents(1, 'cae-a'), readRevision));

      expect(refused).toBeInstanceOf(LogIntegrityError);
      expect(refused).toMatchObject({ problem: { code: 'LOG_TAMPERED', details: { streamId: 'invoices-a', lastRevision: 4, writtenRevision: 5 } } });
      expect(await store.integrity()).toEqual([expect.objectContaining({ code: 'LOG_TAMPERED' })]);
      await expect(store.append('invoices-b', someEvents(1, 'cae-b'), 5)).resolves.toMatchObject({ lastPosition: 13 });
      await expect(store.append('invoices-a', someEvents(1, 'cae-a'), 3)).rejects.toBeInstanceOf(LogIntegrityError);
    });

    it('names a whole CAE deleted', async () => {
      await appendTwoCaes(open());
      tamperRows(6, `DELETE FROM events WHERE cae_id = 'cae-b'`);

      const report = await open().verify();

      expect(report.caes).toContainEqual(expect.objectContaining({ caeId: 'cae-b', events: 0, ok: false }));
      expect(report.findings).toContainEqual(expect.objectContaining({ code: 'STORED_HEAD_MISMATCH', caeId: 'cae-b', message: expect.stringMatching(/none of its events/) }));
      expect(report.firstMissingPosition).toBe(2);
    });

    it('names the gap left by an event deleted in the middle', async () => {
      await appendTwoCaes(open());
      tamper(`DELETE FROM events WHERE position = 5`);

      const report = await open().verify();

      expect(report.firstMissingPosition).toBe(5);
      expect(report.findings[0]).toMatchObject({ code: 'POSITIONS_MISSING', message: 'Position 5 is missing from the log.' });
      expect(report.firstBrokenPosition).toBe(7);
    });

    it('refuses every append once its last events were deleted, reusing no position, and says so in integrity()', async () => {
      await appendTwoCaes(open());
      tamperRows(2, `DELETE FROM events WHERE position > 10`);
      const store = open();
      // What the command service would expect of invoices-a, having read it: once a CONCURRENCY_CONFLICT forever.
      const readRevision = (await store.readStream('invoices-a')).length - 1;

      const onTruncatedStream = await refusal(store.append('invoices-a', someEvents(1, 'cae-a'), readRevision));
      const onNewStream = await refusal(store.append('fresh', someEvents(1, 'cae-c'), 'no_stream'));

      for (const error of [onTruncatedStream, onNewStream]) {
        expect(error).toBeInstanceOf(LogIntegrityError);
        expect(error).toMatchObject({ problem: { code: 'LOG_HEAD_WENT_BACKWARDS' }, message: expect.stringMatching(/ends at position 10, but position 12 was written.*npm run cli -- verify/) });
      }
      expect(await store.headPosition()).toBe(10);
      expect(await store.streamRevision('fresh')).toBe(-1);
      expect(await store.integrity()).toEqual([expect.objectContaining({ code: 'LOG_HEAD_WENT_BACKWARDS', details: { headPosition: 10, highestWritten: 12 } })]);
      expect((await store.verify()).findings).toContainEqual(expect.objectContaining({ code: 'LOG_HEAD_WENT_BACKWARDS', position: 12 }));
    });

    it('names a deleted command record, and refuses its commandId again instead of applying the command twice', async () => {
      const store = open();
      await appendTwoCaes(store);
      const command = { commandId: 'issue-invoice-1', fingerprint: 'f'.repeat(64), result: { number: 'F-1' } };
      await store.appendToStreams([{ streamId: 'invoices-a', expectedRevision: 5, events: eventsOf('issue-invoice-1', 1, 'cae-a') }], command);
      tamper(`DELETE FROM commands WHERE command_id = 'issue-invoice-1'`);

      const reopened = open();
      const report = await reopened.verify();
      const retry = await refusal(
        reopened.appendToStreams([{ streamId: 'invoices-a', expectedRevision: 6, events: eventsOf('issue-invoice-1', 1, 'cae-a') }], command),
      );

      expect(report.findings).toEqual([expect.objectContaining({ code: 'COMMAND_RECORD_MISSING', commandId: 'issue-invoice-1', position: 13 })]);
      expect(retry).toBeInstanceOf(LogIntegrityError);
      expect(retry).toMatchObject({ problem: { code: 'COMMAND_RECORD_MISSING', details: { commandId: 'issue-invoice-1', position: 13 } } });
      expect(await reopened.headPosition()).toBe(13);
    });

    it('cannot tell a truncation whose stored heads were fixed up too, but the recorded log head can', async () => {
      const store = open();
      await appendTwoCaes(store);
      const recorded = (await store.verify()).logHead!;
      const [tenth] = await store.readAll(10, { limit: 1 });
      const [ninth] = await store.readAll(9, { limit: 1 });
      await store.close();

      tamperRows(2, `DELETE FROM events WHERE position > 10`);
      tamper(`UPDATE chain_heads SET hash = ? WHERE cae_id = 'cae-a'`, ninth.hash);
      tamper(`UPDATE chain_heads SET hash = ? WHERE cae_id = 'cae-b'`, tenth.hash);
      tamper(`UPDATE log_head SET position = 10, hash = ?`, tenth.hash);
      tamperRows(2, `UPDATE streams SET revision = 4 WHERE stream_id IN ('invoices-a', 'invoices-b')`);
      const report = await open().verify({ headAt: Number(recorded.split(':')[0]) });

      expect(report.ok).toBe(true);
      expect(report.headAt).toBeUndefined();
      expect(report.headPosition).toBe(10);
    });

    it('refuses a file written in an earlier format, saying what to do', async () => {
      await appendTwoCaes(open());
      await Promise.all(opened.splice(0).map((store) => store.close()));
      const raw = new Database(file.path);
      raw.pragma('user_version = 1');
      raw.close();

      const error = (() => {
        try {
          open();
        } catch (thrown) {
          return thrown;
        }
        return undefined;
      })();

      expect(error).toBeInstanceOf(LogIntegrityError);
      expect(error).toMatchObject({ problem: { code: 'LOG_FORMAT_OUTDATED' } });
      expect((error as Error).message).toMatch(/earlier version of Alvéole \(log format 1, this one reads 2\).*move the data directory aside.*npm run cli -- import history\.jsonl/);
    });

    it('gives a new file the current format, and opens it again', async () => {
      await open().append('s', someEvents(1), 'no_stream');
      await Promise.all(opened.splice(0).map((store) => store.close()));
      const raw = new Database(file.path, { readonly: true });
      expect(raw.pragma('user_version', { simple: true })).toBe(2);
      raw.close();
      expect(await open().headPosition()).toBe(1);
    });
  });
});
