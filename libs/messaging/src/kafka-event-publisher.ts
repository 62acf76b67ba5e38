import { Kafka, Partitioners, logLevel, type Admin, type KafkaConfig, type Producer } from 'kafkajs';
import type { RecordedEvent } from '../../event-store';
import { toEventMessage } from './event-message';
import type { EventPublisher } from './event-publisher';

export interface KafkaClientOptions {
  brokers: string[];
  clientId?: string;
  /** kafkajs logs to the console; the default keeps only errors. */
  logLevel?: logLevel;
}

export const createKafka = (options: KafkaClientOptions, extra: Partial<KafkaConfig> = {}): Kafka =>
  new Kafka({ clientId: options.clientId ?? 'alveole', brokers: options.brokers, logLevel: options.logLevel ?? logLevel.ERROR, ...extra });

export interface KafkaEventPublisherOptions {
  /**
   * Largest sum of message sizes per produce request. kafkajs puts one partition's messages of a request in one
   * record batch, which the broker refuses past message.max.bytes (1 MiB by default).
   */
  maxRequestBytes?: number;
}

/**
 * The Kafka adapter of EventPublisher, with an idempotent producer: a send kafkajs retries never writes twice. A
 * publish that failed and is called again may (see replaceProducer): at-least-once, as the relay promises.
 */
export class KafkaEventPublisher implements EventPublisher {
  private producer: Producer;
  private readonly admin: Admin;
  private readonly maxRequestBytes: number;
  private connected: Promise<void> | undefined;

  constructor(private readonly kafka: Kafka, options: KafkaEventPublisherOptions = {}) {
    this.producer = this.newProducer();
    this.admin = kafka.admin();
    this.maxRequestBytes = options.maxRequestBytes ?? 512 * 1024;
  }

  async publish(topic: string, events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    try {
      await this.send(topic, events);
    } catch (error) {
      await this.replaceProducer();
      throw error;
    }
  }

  private async send(topic: string, events: readonly RecordedEvent[]): Promise<void> {
    await this.connect();
    let chunk: ReturnType<typeof toEventMessage>[] = [];
    let bytes = 0;
    const flush = async (): Promise<void> => {
      if (chunk.length === 0) return;
      // acks -1: resolved only once every in-sync replica has the messages, which is what the relay's checkpoint needs.
      await this.producer.send({ topic, acks: -1, messages: chunk });
      chunk = [];
      bytes = 0;
    };
    for (const event of events) {
      const message = toEventMessage(event);
      const size = Buffer.byteLength(message.value) + Buffer.byteLength(message.key) + 200;
      if (bytes + size > this.maxRequestBytes) await flush();
      chunk.push(message);
      bytes += size;
    }
    await flush();
  }

  async createTopic(name: string, partitions: number): Promise<void> {
    await this.connect();
    const existing = await this.admin.listTopics();
    if (existing.includes(name)) return;
    // createTopics answers false when another client created it meanwhile, which is fine too.
    // Kept for ever: the topic is the log's copy, and a consumer group built from scratch (a new version of the
    // network statistics) reads it from the beginning.
    await this.admin.createTopics({
      topics: [{ topic: name, numPartitions: partitions, configEntries: [{ name: 'retention.ms', value: '-1' }, { name: 'retention.bytes', value: '-1' }] }],
      waitForLeaders: true,
    });
  }

  async close(): Promise<void> {
    // Not guarded by `connected`: the admin may still be connected after a failed send replaced the producer.
    this.connected = undefined;
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }

  private newProducer(): Producer {
    // One request in flight and idempotence: order is kept per partition even when a send is retried.
    return this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  }

  /**
   * After a failed send the broker may have written messages it never acknowledged (it died before answering),
   * while kafkajs rolled its sequence numbers back: the page published again, grown meanwhile, is then refused
   * for good (OUT_OF_ORDER_SEQUENCE_NUMBER). A new producer gets a new producer id and fresh sequences; the
   * messages written twice are at-least-once redeliveries, which consumers drop by (stream id, revision).
   */
  private async replaceProducer(): Promise<void> {
    const failed = this.producer;
    this.producer = this.newProducer();
    this.connected = undefined;
    await failed.disconnect().catch(() => undefined);
  }

  private connect(): Promise<void> {
    if (!this.connected) {
      this.connected = Promise.all([this.producer.connect(), this.admin.connect()]).then(() => undefined);
      // A failed connection is tried again on the next call rather than cached.
      this.connected.catch(() => (this.connected = undefined));
    }
    return this.connected;
  }
}
