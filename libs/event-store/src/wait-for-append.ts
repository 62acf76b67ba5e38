import type { EventStore } from './event-store';

/** Resolves when an event lands after `position` (appended here or by another process), or when `stop` resolves. */
export const waitForAppend = async (store: EventStore, position: number, stop: Promise<void>): Promise<void> => {
  const subscription = store.subscribeAll(position + 1, { batchSize: 1 });
  try {
    await Promise.race([subscription[Symbol.asyncIterator]().next(), stop]);
  } finally {
    await subscription.close();
  }
};
