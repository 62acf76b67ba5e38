import {
  BACKWARDS,
  END,
  type EventStoreDBClient,
  FORWARDS,
  type ReadStreamOptions as EsdbReadStreamOptions,
  type ResolvedEvent,
  StreamNotFoundError,
} from '@eventstore/db-client';
import { GENESIS_HASH } from '../chain-hash';
import { NO_STREAM_REVISION, type RecordedEvent, type StoredCommand } from '../event-store';
import { type CommandEnvelope, decodeLogEvent } from './log-envelope';
import { fromEsdbRevision, positionToLogRevision } from './revisions';
import type { StreamNames } from './stream-names';

export interface ChainState {
  /** Events in the CAE's chain. */
  length: number;
  head: string;
}

/** Bounded reads of the adapter's streams: the log stream and the indexes derived from it. */
export class EsdbReads {
  constructor(
    readonly client: EventStoreDBClient,
    readonly names: StreamNames,
  ) {}

  /** A bounded read of one stream, [] when the stream does not exist. */
  async read(stream: string, options: EsdbReadStreamOptions): Promise<ResolvedEvent[]> {
    const events: ResolvedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, { direction: FORWARDS, ...options })) events.push(resolved);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /** The last event of a stream, undefined when it has none. */
  async last(stream: string): Promise<ResolvedEvent | undefined> {
    const [last] = await this.read(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last;
  }

  /** Up to `limit` events of the log from a position. */
  async logPage(from: number, limit: number): Promise<RecordedEvent[]> {
    const page = await this.read(this.names.log, { fromRevision: positionToLogRevision(from), maxCount: limit });
    return page.map((resolved) => decodeLogEvent(recordedOf(resolved)).event);
  }

  async headPosition(): Promise<number> {
    const last = await this.last(this.names.log);
    return last === undefined ? 0 : fromEsdbRevision(recordedOf(last).revision) + 1;
  }

  /** Up to `count` events of a logical stream from a revision, through the links of its index. */
  async streamEvents(streamId: string, from: number, count: number): Promise<RecordedEvent[]> {
    const links = await this.read(this.names.stream(streamId), {
      fromRevision: BigInt(from),
      maxCount: count,
      resolveLinkTos: true,
    });
    return links.map((resolved) => {
      const target = resolved.event;
      if (resolved.link === undefined || target === undefined || target.type === '$>') {
        throw new Error(`Stream ${streamId}: a link of its index does not resolve to the log`);
      }
      return decodeLogEvent(target).event;
    });
  }

  /** The revision of an index stream's last entry, -1 when it has none. */
  async indexRevision(stream: string): Promise<number> {
    const last = await this.last(stream);
    return last === undefined ? NO_STREAM_REVISION : fromEsdbRevision(recordedOf(last).revision);
  }

  async chainState(caeId: string): Promise<ChainState> {
    const last = await this.last(this.names.chain(caeId));
    if (last === undefined) return { length: 0, head: GENESIS_HASH };
    const recorded = recordedOf(last);
    return { length: fromEsdbRevision(recorded.revision) + 1, head: (recorded.data as { hash: string }).hash };
  }

  async command(commandId: string): Promise<StoredCommand | undefined> {
    const last = await this.last(this.names.command(commandId));
    if (last === undefined) return undefined;
    const stored = recordedOf(last).data as unknown as CommandEnvelope & { position: number };
    return {
      commandId: stored.commandId,
      fingerprint: stored.fingerprint,
      result: stored.result,
      position: stored.position,
      recordedAt: stored.recordedAt,
    };
  }
}

export function recordedOf(resolved: ResolvedEvent) {
  const recorded = resolved.event;
  if (recorded === undefined) throw new Error('EventStoreDB returned a link that does not resolve');
  return recorded;
}
