import type { EventType } from '../../../domain';
import type { AuditEvent, AuditEventOf, AuditHistory } from '../rule';

// Every rule asks for some types: the history is indexed by type once, not filtered once per rule.
const indexes = new WeakMap<AuditHistory, Map<string, AuditEvent[]>>();

const indexOf = (history: AuditHistory): Map<string, AuditEvent[]> => {
  let index = indexes.get(history);
  if (index !== undefined) return index;
  index = new Map();
  for (const event of history.events) {
    const ofType = index.get(event.type);
    if (ofType === undefined) index.set(event.type, [event]);
    else ofType.push(event);
  }
  indexes.set(history, index);
  return index;
};

/** The history's events of the given types, in log order (a new array: the caller may sort or filter it). */
export const eventsOf = <T extends EventType>(history: AuditHistory, ...types: T[]): AuditEventOf<T>[] => {
  const index = indexOf(history);
  const found = types.flatMap((type) => index.get(type) ?? []) as AuditEventOf<T>[];
  return types.length > 1 ? found.sort((a, b) => a.position - b.position) : found;
};

export const isOfType = <T extends EventType>(event: AuditEvent, type: T): event is AuditEventOf<T> => event.type === type;
