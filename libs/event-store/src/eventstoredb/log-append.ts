import { jsonEvent, WrongExpectedVersionError } from '@eventstore/db-client';
import type { AppendOutcome } from '../event-store';
import type { Settlement } from '../group-commit';
import type { AppendSignal } from '../log-subscription';
import type { FormatMarker } from './format-marker';
import { type AppendRequest, decide, loadState } from './group-decision';
import type { LogIndexes } from './indexes';
import { type CommandEnvelope, encodeLogEvent, type EsdbEventToWrite } from './log-envelope';
import type { EsdbReads } from './reads';
import { backoffDelay, isTransient, sleep } from './retry';
import { logExpectedRevision } from './revisions';

/** Events per log append when several commands are grouped (a single larger command still goes alone). */
export const MAX_GROUP_EVENTS = 500;
/** Times a group is decided again after losing the log's revision to another writer. */
const MAX_CONFLICT_RETRIES = 100;
/** Times a transiently failed log append is repeated (idempotently) before giving up. */
const MAX_TRANSIENT_RETRIES = 5;

/**
 * Writes a group of appends as ONE append to the log stream, expecting the log revision the group was decided
 * on: the whole batch is stored, in order, or nothing is. The log's revision serialises every writer of every
 * process, as SQLite's write lock does; a writer that loses it decides the group again on the new state.
 */
export class LogWriter {
  constructor(
    private readonly reads: EsdbReads,
    private readonly indexes: LogIndexes,
    private readonly format: FormatMarker,
    private readonly signal: AppendSignal,
  ) {}

  /** Decides every append of the group on the log as of one revision, and writes the accepted ones in one append. */
  async commit(group: AppendRequest[]): Promise<Settlement<AppendOutcome>[]> {
    await this.format.checked();
    for (let attempt = 0; ; attempt++) {
      const head = await this.indexes.rollForward();
      const state = await loadState(this.reads, head, group);
      const chainLengths = new Map([...state.chains].map(([caeId, chain]) => [caeId, chain.length]));
      const results = group.map((item) => decide(item, state));
      const accepted = results.flatMap((result, index) => (result.plan ? [{ plan: result.plan, item: group[index]! }] : []));
      if (accepted.length > 0) {
        const batch = { first: head + 1, last: state.headPosition };
        const recordedAt = new Date().toISOString();
        const toWrite: EsdbEventToWrite[] = [];
        for (const { plan, item } of accepted) {
          plan.events.forEach((event, index) => {
            const { caeId } = event.metadata;
            const caeIndex = chainLengths.get(caeId) ?? 0;
            chainLengths.set(caeId, caeIndex + 1);
            const command: CommandEnvelope | undefined =
              item.command !== undefined && index === plan.events.length - 1
                ? { commandId: item.command.commandId, fingerprint: item.command.fingerprint, result: item.command.result ?? null, recordedAt }
                : undefined;
            toWrite.push(encodeLogEvent(event, { caeIndex, batch, ...(command ? { command } : {}) }));
          });
        }
        const written = await this.appendToLog(toWrite, head);
        if (!written) {
          if (attempt >= MAX_CONFLICT_RETRIES) throw new Error('EventStoreDB log: too much contention, the append was not written');
          await sleep(backoffDelay(attempt, 200));
          continue;
        }
        // The batch is stored: its outcome is success even if indexing fails now, as the next read or write
        // rolls the indexes forward (the invariant only needs them before the next batch).
        await this.indexes.index(toWrite.map((event) => event.metadata)).catch(() => undefined);
        this.signal.notify();
      }
      return results.map((result) =>
        result.plan
          ? { status: 'fulfilled', value: { events: result.plan.events, lastPosition: result.plan.lastPosition, revisions: result.plan.revisions } }
          : { status: 'rejected', reason: result.error },
      );
    }
  }

  /** Appends the batch to the log if it is still at `head`: false when another writer got in first. */
  private async appendToLog(events: EsdbEventToWrite[], head: number): Promise<boolean> {
    const data = events.map((event) => jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: { ...event.metadata } }));
    for (let attempt = 0; ; attempt++) {
      try {
        await this.reads.client.appendToStream(this.reads.names.log, data, { expectedRevision: logExpectedRevision(head) });
        return true;
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) return false;
        // Same ids, same expected revision: EventStoreDB answers success if the first try was in fact stored.
        if (!isTransient(error) || attempt >= MAX_TRANSIENT_RETRIES) throw error;
        await sleep(backoffDelay(attempt));
      }
    }
  }
}
