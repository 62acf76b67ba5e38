import { randomUUID } from 'node:crypto';
import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import { chainHash, GENESIS_HASH, type RecordedEvent } from '../../libs/event-store';
import { EventStoreDbEventStore } from '../../libs/event-store/src/eventstoredb-event-store';
import { decodeLogEvent, encodeLogEvent } from '../../libs/event-store/src/eventstoredb/log-envelope';
import { backoffDelay } from '../../libs/event-store/src/eventstoredb/retry';
import {
  fromEsdbRevision,
  logExpectedRevision,
  logRevisionToPosition,
  positionToLogRevision,
  toEsdbExpectedRevision,
} from '../../libs/event-store/src/eventstoredb/revisions';
import { esdbEventId, linkData, streamNames } from '../../libs/event-store/src/eventstoredb/stream-names';
import { anEvent, describeEventStoreContract } from './event-store.contract';

const EVENTSTORE_URL = process.env.EVENTSTORE_URL;

/*
 * Against a real EventStoreDB, when EVENTSTORE_URL is set. Every contract case is expected to hold: positions
 * are the log stream's revisions + 1 (without holes), multi-stream appends are one append to the log stream, see the
 * design in libs/event-store/README.md. Each test gets its own stream prefix, so runs never see each other.
 */
if (EVENTSTORE_URL !== undefined && EVENTSTORE_URL !== '') {
  describeEventStoreContract('EventStoreDbEventStore', async () => ({
    store: EventStoreDbEventStore.connect(EVENTSTORE_URL, { streamPrefix: `alveole-contract-${randomUUID()}-` }),
  }));
} else {
  describe.skip('EventStoreDbEventStore contract — skipped: no EventStoreDB here; set EVENTSTORE_URL (e.g. esdb://127.0.0.1:2113?tls=false) to run it', () => {
    it('runs the event-store contract', () => undefined);
  });
}

describe('EventStoreDB mapping (no server)', () => {
  describe('expected revisions', () => {
    it('maps each expectation of the port onto the same one of EventStoreDB', () => {
      expect(toEsdbExpectedRevision('any')).toBe(ANY);
      expect(toEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
      expect(toEsdbExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
      expect(toEsdbExpectedRevision(-1)).toBe(NO_STREAM);
      expect(toEsdbExpectedRevision(0)).toBe(0n);
      expect(toEsdbExpectedRevision(41)).toBe(41n);
    });

    it('refuses revisions EventStoreDB cannot mean', () => {
      expect(() => toEsdbExpectedRevision(-2)).toThrow(RangeError);
      expect(() => toEsdbExpectedRevision(1.5)).toThrow(RangeError);
      expect(() => toEsdbExpectedRevision(Number.NaN)).toThrow(RangeError);
    });

    it("reads EventStoreDB's current revision back as the port's (-1 for no stream)", () => {
      expect(fromEsdbRevision(NO_STREAM)).toBe(-1);
      expect(fromEsdbRevision(0n)).toBe(0);
      expect(fromEsdbRevision(2n ** 40n)).toBe(2 ** 40);
      expect(() => fromEsdbRevision(2n ** 60n)).toThrow(RangeError);
    });
  });

  describe('positions', () => {
    it('makes position n the log stream revision n - 1, both ways', () => {
      expect(positionToLogRevision(1)).toBe(0n);
      expect(positionToLogRevision(2500)).toBe(2499n);
      expect(logRevisionToPosition(0n)).toBe(1);
      expect(logRevisionToPosition(positionToLogRevision(123_456))).toBe(123_456);
      expect(() => positionToLogRevision(0)).toThrow(RangeError);
    });

    it('expects the log at the head a writer saw (no stream for an empty log)', () => {
      expect(logExpectedRevision(0)).toBe(NO_STREAM);
      expect(logExpectedRevision(1)).toBe(0n);
      expect(logExpectedRevision(7)).toBe(6n);
    });
  });

  describe('event ids', () => {
    it('keeps a UUID and derives a stable UUID from anything else', () => {
      const uuid = randomUUID();
      expect(esdbEventId(uuid)).toBe(uuid);
      expect(esdbEventId(uuid.toUpperCase())).toBe(uuid);
      const derived = esdbEventId('invoice-F-2025-0001');
      expect(derived).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(esdbEventId('invoice-F-2025-0001')).toBe(derived);
      expect(esdbEventId('invoice-F-2025-0002')).not.toBe(derived);
    });
  });

  describe('log envelope', () => {
    const stored = (): RecordedEvent => {
      const event = anEvent('cae-7', { amount: '12.50', lines: [{ n: 1 }] }, 'InvoiceIssued');
      const unhashed = { ...event, streamId: 'invoice-series-cae-7-2025', revision: 3, position: 12 };
      return { ...unhashed, hash: chainHash(GENESIS_HASH, unhashed) };
    };

    it('round-trips an event, with its hash, through what EventStoreDB stores', () => {
      const event = stored();
      const command = { commandId: 'c-1', fingerprint: 'f', result: { n: 1 }, recordedAt: '2025-03-14T09:30:00.000Z' };
      const written = encodeLogEvent(event, { caeIndex: 4, batch: { first: 11, last: 12 }, command });

      expect(written.id).toBe(event.eventId);
      expect(written.type).toBe('InvoiceIssued');
      expect(written.metadata).toMatchObject({ streamId: event.streamId, revision: 3, position: 12, caeIndex: 4, command });
      const asStored = {
        streamId: 'alveole-log',
        revision: 11n,
        type: written.type,
        data: JSON.parse(JSON.stringify(written.data)),
        metadata: JSON.parse(JSON.stringify(written.metadata)),
      };
      const { event: decoded, envelope } = decodeLogEvent(asStored);
      expect(decoded).toEqual(event);
      expect(decoded.hash).toBe(chainHash(GENESIS_HASH, decoded));
      expect(envelope.batch).toEqual({ first: 11, last: 12 });
      expect(envelope.command).toEqual(command);
    });

    it('refuses an event whose position does not match its place in the log, or without metadata', () => {
      const written = encodeLogEvent(stored(), { caeIndex: 0, batch: { first: 12, last: 12 } });
      expect(() => decodeLogEvent({ streamId: 'log', revision: 12n, type: 'T', data: written.data, metadata: written.metadata })).toThrow(
        /stored position 12, expected 13/,
      );
      expect(() => decodeLogEvent({ streamId: 'log', revision: 0n, type: 'T', data: {}, metadata: undefined })).toThrow(/metadata missing/);
    });

    it('refuses event types EventStoreDB reserves', () => {
      expect(() => encodeLogEvent({ ...stored(), type: '$>' }, { caeIndex: 0, batch: { first: 12, last: 12 } })).toThrow(/reserved/);
    });
  });

  it('names streams under the prefix and links to log revisions', () => {
    const names = streamNames('p-');
    expect([names.log, names.stream('s'), names.chain('cae-1'), names.eventId('e'), names.command('c'), names.format]).toEqual([
      'p-log',
      'p-stream-s',
      'p-chain-cae-1',
      'p-event-e',
      'p-command-c',
      'p-format',
    ]);
    expect(linkData('p-log', 41n)).toBe('41@p-log');
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffDelay(0, 5000, () => 0)).toBe(50);
    expect(backoffDelay(0, 5000, () => 1)).toBe(100);
    expect(backoffDelay(3, 5000, () => 1)).toBe(800);
    expect(backoffDelay(30, 5000, () => 1)).toBe(5000);
    expect(backoffDelay(30, 5000, () => 0)).toBe(2500);
  });
});
