import { PERSONAL_FIELDS, personKey, type DomainEvent, type PersonKind } from '../../libs/domain';
import type { Projection } from '../projection';
import { logOf } from './log';
import { MemoryDocs } from './memory-docs';

/**
 * Projection specs read as given(events) / when(event) / then(documents):
 *   given(treasuryProjection, ...story).when(paymentRecorded({ amount: '3000.00' })).then(async (docs) => expect(...))
 * `when` resolves to the documents the projection left after the whole log, given and when events in order.
 */
export const given = (projection: Projection, ...history: DomainEvent[]) => ({
  when: (...events: DomainEvent[]): Promise<MemoryDocs> => Promise.resolve(new MemoryDocs().run(projection, logOf([...history, ...events]))),
});

/** What the log opens to after the person's key is destroyed: each of their sealed fields reads '[forgotten]'. */
export const sealedAway = (events: readonly DomainEvent[], kind: PersonKind, personId: string): DomainEvent[] =>
  events.map((event) => {
    const fields = (PERSONAL_FIELDS[event.type] ?? []).filter((f) => f.kind === kind && personKey(f.kind, f.id(event.data as never)) === personKey(kind, personId));
    if (fields.length === 0) return event;
    // The opened value keeps the event's declared type, as the runtime's does, with '[forgotten]' in it.
    const data = structuredClone(event.data) as unknown as Record<string, unknown>;
    for (const { path } of fields) {
      const parent = path.slice(0, -1).reduce<Record<string, unknown> | undefined>((at, key) => at?.[key] as Record<string, unknown> | undefined, data);
      if (parent && path.at(-1)! in parent) parent[path.at(-1)!] = '[forgotten]';
    }
    return { ...event, data } as unknown as DomainEvent;
  });
