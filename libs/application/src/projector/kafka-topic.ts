import type { Admin, Kafka } from 'kafkajs';

/** What the broker says of the events topic and of a group: ends of partitions, committed offsets. */
export class KafkaTopic {
  private admin: Promise<Admin> | undefined;

  constructor(
    private readonly kafka: Kafka,
    readonly name: string,
  ) {}

  /** The end of every partition of the topic now: what "caught up" means for a build starting. */
  async ends(): Promise<Map<number, number>> {
    return new Map((await (await this.client()).fetchTopicOffsets(this.name)).map((p) => [p.partition, Number(p.high)]));
  }

  /** Each partition's low and high offsets. */
  async offsets(): Promise<{ partition: number; low: number; high: number }[]> {
    return (await (await this.client()).fetchTopicOffsets(this.name)).map((p) => ({ partition: p.partition, low: Number(p.low), high: Number(p.high) }));
  }

  /** The group's committed offset per partition (the next offset it will read); absent when none yet. */
  async committed(groupId: string): Promise<Map<number, number>> {
    const [topic] = await (await this.client()).fetchOffsets({ groupId, topics: [this.name] });
    const committed = new Map<number, number>();
    for (const p of topic?.partitions ?? []) if (Number(p.offset) >= 0) committed.set(p.partition, Number(p.offset));
    return committed;
  }

  /** Resolves once the topic exists (the relay creates it); `stopped` ends the wait. */
  async created(who: string, stopped: () => boolean): Promise<void> {
    let warned = false;
    while (!(await (await this.client()).listTopics()).includes(this.name)) {
      if (stopped()) throw new Error('stopped');
      if (!warned) console.warn(`${who} (Kafka): waiting for topic ${this.name} (the relay creates it)`);
      warned = true;
      await sleep(1000);
    }
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    await (await admin?.catch(() => undefined))?.disconnect();
  }

  /** One admin client, connected on first use (a failed connection is tried again next time). */
  private client(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
