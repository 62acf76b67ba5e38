import type { EventType } from '../../../domain';
import type { AuditEvent, AuditEventOf, AuditHistory } from '../rule';

/** The history's events of the given types, in log order. */
export const eventsOf = <T extends EventType>(history: AuditHistory, ...types: T[]): AuditEventOf<T>[] =>
  history.events.filter((e): e is AuditEventOf<T> => (types as EventType[]).includes(e.type));

export const isOfType = <T extends EventType>(event: AuditEvent, type: T): event is AuditEventOf<T> => event.type === type;
