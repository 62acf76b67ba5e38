import { jsonEvent } from '@eventstore/db-client';
import { LogIntegrityError } from '../event-store';
import { formatProblem, LOG_FORMAT_VERSION } from '../log-integrity';
import type { LogIndexes } from './indexes';
import { type EsdbReads, recordedOf } from './reads';
import { esdbEventId } from './stream-names';

/**
 * The format marker stream `{prefix}format`: written with the current version when the log is empty, and a
 * log with events but another version (or none, written before the marker existed) is refused.
 */
export class FormatMarker {
  private format: Promise<void> | undefined;

  constructor(
    private readonly reads: EsdbReads,
    private readonly indexes: LogIndexes,
    /** The store's own headPosition (it refuses once the store is closed). */
    private readonly headPosition: () => Promise<number>,
  ) {}

  checked(): Promise<void> {
    const { names } = this.reads;
    this.format ??= (async () => {
      const marker = await this.reads.last(names.format);
      const version = marker === undefined ? undefined : (recordedOf(marker).data as { version?: unknown }).version;
      if (version === LOG_FORMAT_VERSION) return;
      const head = await this.headPosition();
      const problem = head === 0 ? undefined : formatProblem(typeof version === 'number' ? version : 1, `in EventStoreDB (stream ${names.log})`);
      if (problem !== undefined) throw new LogIntegrityError(problem);
      await this.indexes.appendIndex(names.format, 0, [
        jsonEvent({ id: esdbEventId(`${names.format}@0`), type: 'alveole-log-format', data: { version: LOG_FORMAT_VERSION } }),
      ]);
    })();
    // A failure to reach the server is tried again next time; a refused format stays refused.
    this.format.catch((error: unknown) => {
      if (!(error instanceof LogIntegrityError)) this.format = undefined;
    });
    return this.format;
  }
}
