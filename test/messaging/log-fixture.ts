import type { EventStore, EventToAppend, RecordedEvent } from '../../libs/event-store';

/** Event types of the domain, so headers and values look like the real log's. */
const TYPES = ['InvoiceIssued', 'PaymentRecorded', 'SalaryPaid', 'CapeSigned', 'SharesSubscribed'];
const CAES = ['coodyssee', 'alpes-sud', 'rhone-coop'];

let sequence = 0;

/**
 * Appends `count` events round-robin over `streams` streams of three CAEs, one event per append so streams
 * interleave in the log as they do in real life. Returns the events as stored.
 */
export const appendEvents = async (store: EventStore, count: number, streams = 60): Promise<RecordedEvent[]> => {
  const stored: RecordedEvent[] = [];
  for (let i = 0; i < count; i++) {
    const n = (sequence + i) % streams;
    const caeId = CAES[n % CAES.length]!;
    const event: EventToAppend = {
      eventId: `evt-${process.pid}-${sequence + i}`,
      type: TYPES[(sequence + i) % TYPES.length]!,
      schemaVersion: 1 + (n % 2),
      data: { caeId, n: sequence + i, amount: `${(sequence + i) % 1000}.50` },
      metadata: {
        caeId,
        commandId: `cmd-${sequence + i}`,
        causationId: `cmd-${sequence + i}`,
        correlationId: `cmd-${sequence + i}`,
        actor: 'test',
        occurredOn: '2025-01-15',
        recordedAt: new Date().toISOString(),
      },
    };
    const outcome = await store.append(`${caeId}/stream-${n}`, [event], 'any');
    stored.push(...outcome.events);
  }
  sequence += count;
  return stored;
};
