import type { DomainEvent, EventType } from './events';
import { SCHEMA_VERSION } from './events';

/**
 * Schema evolution: an event stored with an older schemaVersion is brought up to the current shape on read,
 * one version at a time.
 */
type Upcaster = (data: Record<string, unknown>) => Record<string, unknown>;

const UPCASTERS: Partial<Record<EventType, Record<number, Upcaster>>> = {
  // v1 predates refunds and did not state what it made owed back; the command side still computes it from the payments.
  CreditNoteIssued: { 1: (data) => ({ ...data, refundOwed: '0.00' }) },
};

export const upcast = (type: string, schemaVersion: number, data: Record<string, unknown>): DomainEvent => {
  if (!(type in SCHEMA_VERSION)) throw new Error(`Unknown event type ${type}`);
  const eventType = type as EventType;
  let current = data;
  for (let v = schemaVersion; v < SCHEMA_VERSION[eventType]; v++) {
    const step = UPCASTERS[eventType]?.[v];
    if (!step) throw new Error(`No upcaster for ${type} v${v}`);
    current = step(current);
  }
  // Stored data of the current version has the shape its type declares: the log only holds what deciders produced.
  return { type: eventType, data: current } as unknown as DomainEvent;
};
