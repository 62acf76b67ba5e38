import { END, type EventStoreDBClient, type StreamSubscription } from '@eventstore/db-client';
import type { AppendSignal } from '../log-subscription';
import { backoffDelay } from './retry';

/**
 * One live subscription to the log stream per store, only to wake waiting subscribers at once when anyone
 * appends (subscribers still read pages themselves, so back-pressure stays theirs). When the server drops it,
 * it is re-established with backoff and jitter, and wakes everyone once: nothing appended meanwhile waits for the poll.
 */
export class Doorbell {
  private ringing: Promise<void> | undefined;
  private liveSubscription: StreamSubscription | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly logStream: string,
    private readonly signal: AppendSignal,
    /** The store's closed flag: the doorbell stops ringing as soon as the store starts closing. */
    private readonly isClosed: () => boolean,
  ) {}

  start(): void {
    if (this.ringing !== undefined || this.isClosed()) return;
    this.ringing = this.ring();
  }

  async stop(): Promise<void> {
    await this.liveSubscription?.unsubscribe().catch(() => undefined);
    this.wake?.();
    await this.ringing;
  }

  private async ring(): Promise<void> {
    for (let attempt = 0; !this.isClosed(); ) {
      const live = this.client.subscribeToStream(this.logStream, { fromRevision: END });
      this.liveSubscription = live;
      // Resubscribed after a drop: whatever was appended meanwhile is read now, from each subscriber's checkpoint.
      if (attempt > 0) this.signal.notify();
      try {
        for await (const resolved of live) {
          void resolved;
          attempt = 0;
          this.signal.notify();
        }
      } catch {
        // Dropped by the server or the network: resubscribe below, with backoff.
      } finally {
        this.liveSubscription = undefined;
      }
      if (this.isClosed()) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoffDelay(attempt++));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }
}
