import { binaryEvent, type EventData, jsonEvent, WrongExpectedVersionError } from '@eventstore/db-client';
import { decodeLogEvent, type LogEnvelope } from './log-envelope';
import { type EsdbReads, recordedOf } from './reads';
import { fromEsdbRevision, positionToLogRevision, toEsdbExpectedRevision } from './revisions';
import { esdbEventId, linkData } from './stream-names';

/**
 * The streams derived from the log (per logical stream, per CAE chain, per event id, per command), written right
 * after each batch by its writer, or by whoever reads or writes next if that writer died in between. Invariant:
 * a batch is appended only after the previous one is fully indexed, so only the log's last batch can be unindexed.
 */
export class LogIndexes {
  /** Every batch up to this position is known to be indexed. */
  private indexedThrough = 0;

  constructor(private readonly reads: EsdbReads) {}

  /** Makes sure the log's last batch is indexed and returns the head position. */
  async rollForward(): Promise<number> {
    const { names } = this.reads;
    const last = await this.reads.last(names.log);
    if (last === undefined) return 0;
    const { envelope } = decodeLogEvent(recordedOf(last));
    const head = envelope.position;
    if (head <= this.indexedThrough) return head;
    const { first } = envelope.batch;
    const batch = await this.reads.read(names.log, { fromRevision: positionToLogRevision(first), maxCount: head - first + 1 });
    await this.index(batch.map((resolved) => decodeLogEvent(recordedOf(resolved)).envelope));
    return head;
  }

  /** Writes the indexes of one batch; each write is conditional, so writing them again changes nothing. */
  async index(batch: LogEnvelope[]): Promise<void> {
    const { names } = this.reads;
    const byStream = groupBy(batch, (envelope) => envelope.streamId);
    const byCae = groupBy(batch, (envelope) => envelope.metadata.caeId);
    await Promise.all([
      ...[...byStream].map(([streamId, envelopes]) =>
        this.appendIndex(
          names.stream(streamId),
          envelopes[0]!.revision,
          envelopes.map((envelope) =>
            binaryEvent({
              id: esdbEventId(`${names.stream(streamId)}@${envelope.revision}`),
              type: '$>',
              data: Buffer.from(linkData(names.log, positionToLogRevision(envelope.position))),
            }),
          ),
        ),
      ),
      ...[...byCae].map(([caeId, envelopes]) =>
        this.appendIndex(
          names.chain(caeId),
          envelopes[0]!.caeIndex,
          envelopes.map((envelope) =>
            jsonEvent({
              id: esdbEventId(`${names.chain(caeId)}@${envelope.caeIndex}`),
              type: 'alveole-chain-link',
              data: { position: envelope.position, hash: envelope.hash },
            }),
          ),
        ),
      ),
      ...batch.map((envelope) =>
        this.appendIndex(names.eventId(envelope.eventId), 0, [
          jsonEvent({ id: esdbEventId(`${names.eventId(envelope.eventId)}@0`), type: 'alveole-event-id', data: { position: envelope.position } }),
        ]),
      ),
      ...batch.flatMap(({ command, position }) =>
        command === undefined
          ? []
          : [
              this.appendIndex(names.command(command.commandId), 0, [
                jsonEvent({ id: esdbEventId(`${names.command(command.commandId)}@0`), type: 'alveole-command', data: { ...command, position } }),
              ]),
            ],
      ),
    ]);
    const last = batch[batch.length - 1];
    if (last !== undefined) this.indexedThrough = Math.max(this.indexedThrough, last.position);
  }

  /** Appends index entries at revisions first… of the index stream, unless they are there already. */
  async appendIndex(stream: string, firstRevision: number, events: EventData[]): Promise<void> {
    const lastRevision = firstRevision + events.length - 1;
    try {
      await this.reads.client.appendToStream(stream, events, { expectedRevision: toEsdbExpectedRevision(firstRevision - 1) });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError && fromEsdbRevision(error.actualVersion) >= lastRevision) return;
      throw error;
    }
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [item]);
    else group.push(item);
  }
  return groups;
}
