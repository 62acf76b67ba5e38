import { createHash } from 'node:crypto';

/** Names of the streams the adapter writes, all under one prefix so several logs can share a server. */
export function streamNames(prefix: string) {
  return {
    log: `${prefix}log`,
    /** Links to the log events of one logical stream, at the logical revisions. */
    stream: (streamId: string) => `${prefix}stream-${streamId}`,
    /** { position, hash } of each event of one CAE, at its rank in the chain. */
    chain: (caeId: string) => `${prefix}chain-${caeId}`,
    /** One event per stored eventId: the unicity index. */
    eventId: (eventId: string) => `${prefix}event-${eventId}`,
    /** One event per processed command: its record. */
    command: (commandId: string) => `${prefix}command-${commandId}`,
    /** The log's format version (one event). */
    format: `${prefix}format`,
  };
}

export type StreamNames = ReturnType<typeof streamNames>;

/** The link (type `$>`) EventStoreDB resolves to the log event at `logRevision`. */
export function linkData(logStream: string, logRevision: bigint): string {
  return `${String(logRevision)}@${logStream}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * EventStoreDB wants a UUID per event: the port's eventId when it is one, else a UUID derived from it
 * (SHA-256, formatted as a version-5-like UUID), so the same eventId always gets the same id.
 */
export function esdbEventId(eventId: string): string {
  if (UUID.test(eventId)) return eventId.toLowerCase();
  const hex = createHash('sha256').update(eventId).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
