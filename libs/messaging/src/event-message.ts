import type { RecordedEvent } from '../../event-store';

/** The headers every published event carries, so consumers can route and filter without parsing the value. */
export interface EventHeaders {
  type: string;
  caeId: string;
  position: number;
  hash: string;
  schemaVersion: number;
}

/** A message as it goes to the broker: the adapters map it onto their client's shape. */
export interface EventMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** An event read back from the topic, with where it was read. */
export interface DeliveredEvent {
  event: RecordedEvent;
  headers: EventHeaders;
  key: string;
  topic: string;
  partition: number;
  offset: string;
}

export const toEventMessage = (event: RecordedEvent): EventMessage => ({
  key: event.streamId,
  value: JSON.stringify(event),
  headers: {
    type: event.type,
    caeId: event.metadata.caeId,
    position: String(event.position),
    hash: event.hash,
    schemaVersion: String(event.schemaVersion),
  },
});

const headerText = (headers: Record<string, unknown> | undefined, name: string): string => {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) throw new Error(`Event message without a "${name}" header`);
  return Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
};

/** Decodes a message of the events topic; throws on a message that is not one (a consumer should not guess). */
export const fromEventMessage = (
  message: { key: Buffer | string | null; value: Buffer | string | null; headers?: Record<string, unknown> },
  where: { topic: string; partition: number; offset: string },
): DeliveredEvent => {
  if (message.value === null) throw new Error(`Empty event message at ${where.topic}/${where.partition}@${where.offset}`);
  const event = JSON.parse(message.value.toString()) as RecordedEvent;
  return {
    event,
    headers: {
      type: headerText(message.headers, 'type'),
      caeId: headerText(message.headers, 'caeId'),
      position: Number(headerText(message.headers, 'position')),
      hash: headerText(message.headers, 'hash'),
      schemaVersion: Number(headerText(message.headers, 'schemaVersion')),
    },
    key: message.key === null ? '' : message.key.toString(),
    ...where,
  };
};
