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

/** The Kafka adapter of EventPublisher, with an idempotent producer: a retried send never writes twice. */
export class KafkaEventPublisher implements EventPublisher {
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly maxRequestBytes: number;
  private connected: Promise<void> | undefined;

  constructor(kafka: Kafka, options: KafkaEventPublisherOptions = {}) {
    // One request in flight and idempotence: order is kept per partition even when a send is retried.
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    this.admin = kafka.admin();
    this.maxRequestBytes = options.maxRequestBytes ?? 512 * 1024;
  }

  async publish(topic: string, events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
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
    await this.admin.createTopics({ topics: [{ topic: name, numPartitions: partitions }], waitForLeaders: true });
  }

  async close(): Promise<void> {
    if (!this.connected) return;
    this.connected = undefined;
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
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
