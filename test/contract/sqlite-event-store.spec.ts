import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainHash, type RecordedEvent, SqliteEventStore, WrongExpectedRevisionError } from '../../libs/event-store';
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
    const raw = new Database(file.path);
    try {
      expect(raw.prepare(sql).run(...parameters).changes).toBe(1);
    } finally {
      raw.close();
    }
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
});
