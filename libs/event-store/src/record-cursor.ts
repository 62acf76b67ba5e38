import type { StoredCommand } from './event-store';

export type Source<T> = Iterable<T> | AsyncIterable<T>;

/** Walks the command records in position order alongside the events. */
export function recordCursor(source: Source<StoredCommand>) {
  const iterator = (Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]()) as
    | AsyncIterator<StoredCommand>
    | Iterator<StoredCommand>;
  let next: StoredCommand | undefined;
  let done = false;
  const peek = async (): Promise<StoredCommand | undefined> => {
    if (next === undefined && !done) {
      const result = await iterator.next();
      if (result.done) done = true;
      else next = result.value;
    }
    return next;
  };
  const take = (): StoredCommand => {
    const taken = next!;
    next = undefined;
    return taken;
  };
  return {
    /** Passes over the records before the position: none of them can match an event any more. */
    async skipBefore(position: number, onSkipped: (record: StoredCommand) => unknown): Promise<void> {
      for (let record = await peek(); record !== undefined && record.position < position; record = await peek()) onSkipped(take());
    },
    /** The record at the position, if any (a second one there is left for skipBefore, as an orphan). */
    async at(position: number): Promise<StoredCommand | undefined> {
      return (await peek())?.position === position ? take() : undefined;
    },
  };
}
