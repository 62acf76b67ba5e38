import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { logLevel, type Kafka } from 'kafkajs';
import { SqliteEventStore, type RecordedEvent } from '../../libs/event-store';
import { AppliedRevisions } from '../../libs/application';
import { KafkaEventConsumer, KafkaEventPublisher, createKafka, type DeliveredEvent } from '../../libs/messaging';
import { FileCheckpoint, type RelayCheckpoint } from '../../apps/relay/src/checkpoint';
import { Relay } from '../../apps/relay/src/relay';
import { appendEvents } from './log-fixture';

/**
 * The relay and the consumer helper against a real Kafka broker, named by KAFKA_BROKERS
 * (scripts/servers/kafka/start.sh prints it). Each run uses topics and groups of its own.
 */
const brokers = process.env['KAFKA_BROKERS'];

if (!brokers) {
  describe.skip('Kafka relay — skipped: set KAFKA_BROKERS (scripts/servers/kafka/start.sh) to run against a real broker', () => {
    it.skip('needs KAFKA_BROKERS', () => undefined);
  });
} else {
  jest.setTimeout(120_000);

  const run = `${Date.now()}-${process.pid}`;
  const until = async (what: string, condition: () => boolean, timeoutMs = 60_000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  /** Messages in the topic, from its offsets: counts what was published, duplicates included. */
  const messagesIn = async (kafka: Kafka, topic: string): Promise<number> => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    } finally {
      await admin.disconnect();
    }
  };

  describe('Kafka relay (real broker)', () => {
    // Rebalances log errors that are expected here; real failures still reach the tests as rejections.
    const kafka = createKafka({ brokers: brokers.split(','), clientId: 'alveole-test', logLevel: logLevel.NOTHING });
    let dir: string;
    let store: SqliteEventStore;
    let publisher: KafkaEventPublisher;
    const consumers: KafkaEventConsumer[] = [];

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'alveole-kafka-'));
      store = SqliteEventStore.open(join(dir, 'events.db'), { synchronous: 'NORMAL' });
      publisher = new KafkaEventPublisher(kafka);
    });

    afterEach(async () => {
      await Promise.all(consumers.splice(0).map((c) => c.close()));
      await publisher.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const consume = async (topic: string, groupId: string, into: DeliveredEvent[]): Promise<KafkaEventConsumer> => {
      const consumer = new KafkaEventConsumer(kafka, groupId);
      consumers.push(consumer);
      await consumer.start({ topic, handler: async (events) => void into.push(...events) });
      return consumer;
    };

    it('publishes a log of thousands of events in order per stream with its headers; a consumer group reads them all; a restarted relay publishes nothing twice', async () => {
      const topic = `cae.events.v1.test-${run}-a`;
      await publisher.createTopic(topic, 3);
      const stored = await appendEvents(store, 3000, 60);
      const checkpointPath = join(dir, `relay-checkpoint.${topic}.json`);

      const started = Date.now();
      const relay = new Relay(store, publisher, new FileCheckpoint(checkpointPath), { topic, batchSize: 500 });
      expect(await relay.catchUp()).toBe(3000);
      const publishMs = Date.now() - started;
      expect(await new FileCheckpoint(checkpointPath).read()).toBe(3000);
      expect(await messagesIn(kafka, topic)).toBe(3000);

      // One member, so no rebalance can redeliver a batch: what it reads is exactly what was published.
      const received: DeliveredEvent[] = [];
      await consume(topic, `group-${run}-a`, received);
      await until('3000 events', () => received.length >= 3000);

      const byPosition = new Map(stored.map((e) => [e.position, e]));
      const revisions = new Map<string, number[]>();
      const partitionOf = new Map<string, number>();
      for (const { event, key, headers, partition } of received.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset))) {
        expect(event).toEqual(byPosition.get(event.position));
        expect(key).toBe(event.streamId);
        expect(headers).toEqual({ type: event.type, caeId: event.metadata.caeId, position: event.position, hash: event.hash, schemaVersion: event.schemaVersion });
        expect(partitionOf.get(key) ?? partition).toBe(partition);
        partitionOf.set(key, partition);
        revisions.set(key, [...(revisions.get(key) ?? []), event.revision]);
      }
      expect(revisions.size).toBe(60);
      // In offset order each stream's revisions are 0, 1, 2…: per-stream order kept, nothing missing or doubled.
      for (const list of revisions.values()) expect(list).toEqual(list.map((_, i) => i));
      expect(new Set(partitionOf.values()).size).toBe(3);

      // A new relay from the same checkpoint file: nothing to publish until the log grows, then only the new events.
      const restarted = new Relay(store, publisher, new FileCheckpoint(checkpointPath), { topic, batchSize: 500 });
      expect(await restarted.catchUp()).toBe(0);
      await appendEvents(store, 200, 60);
      expect(await restarted.catchUp()).toBe(200);
      expect(await messagesIn(kafka, topic)).toBe(3200);
      await until('3200 events', () => received.length >= 3200);
      await new Promise((r) => setTimeout(r, 1000));
      expect(received).toHaveLength(3200);
      expect(new Set(received.map((d) => `${d.event.streamId}#${d.event.revision}`)).size).toBe(3200);
      console.log(`relay published 3000 events to Kafka in ${publishMs} ms`);
    });

    it('follows appends while running, and a consumer group resumes from its committed offsets', async () => {
      const topic = `cae.events.v1.test-${run}-b`;
      await publisher.createTopic(topic, 2);
      await appendEvents(store, 500, 20);
      const relay = new Relay(store, publisher, new FileCheckpoint(join(dir, 'checkpoint.json')), { topic, batchSize: 100 });
      relay.start();
      try {
        const first: DeliveredEvent[] = [];
        const consumer = await consume(topic, `group-${run}-b`, first);
        await until('500 events', () => first.length >= 500);
        await consumer.close();
        consumers.splice(consumers.indexOf(consumer), 1);

        await appendEvents(store, 120, 20);
        // The running relay picks the appends up by itself.
        for (const deadline = Date.now() + 30_000; (await relay.status()).checkpoint < 620; await new Promise((r) => setTimeout(r, 50)))
          if (Date.now() > deadline) throw new Error('The relay did not publish the appends');
        const second: DeliveredEvent[] = [];
        await consume(topic, `group-${run}-b`, second);
        await until('120 new events', () => second.length >= 120);
        await new Promise((r) => setTimeout(r, 1000));
        // Offsets were committed after each handled batch: the group starts where it stopped, not from the beginning.
        expect(second).toHaveLength(120);
        expect(Math.min(...second.map((d) => d.event.position))).toBe(501);
      } finally {
        await relay.stop();
      }
      expect(await relay.status()).toMatchObject({ checkpoint: 620, eventsBehind: 0 });
    });

    it('a relay killed between acknowledgement and checkpoint publishes that page again; the consumer dedupe counts each event once', async () => {
      const topic = `cae.events.v1.test-${run}-c`;
      await publisher.createTopic(topic, 3);
      await appendEvents(store, 1000, 40);
      const file = new FileCheckpoint(join(dir, 'checkpoint.json'));
      let crashes = 1;
      // The broker acknowledged 501–750, then the process died before writing the checkpoint.
      const crashing: RelayCheckpoint = {
        read: () => file.read(),
        write: async (position) => {
          if (position === 750 && crashes-- > 0) throw new Error('killed');
          await file.write(position);
        },
      };
      await expect(new Relay(store, publisher, crashing, { topic, batchSize: 250 }).catchUp()).rejects.toThrow('killed');
      expect(await file.read()).toBe(500);
      expect(await new Relay(store, publisher, crashing, { topic, batchSize: 250 }).catchUp()).toBe(500);
      expect(await messagesIn(kafka, topic)).toBe(1250);

      // Two members of one group share the partitions and one dedupe state (as they would share a store): a
      // rebalance may hand a batch to the other member again, and the dedupe absorbs that too.
      const received: DeliveredEvent[] = [];
      const applied: RecordedEvent[] = [];
      const deduper = new AppliedRevisions();
      for (let member = 0; member < 2; member++) {
        const consumer = new KafkaEventConsumer(kafka, `group-${run}-c`);
        consumers.push(consumer);
        await consumer.start({
          topic,
          handler: async (events) => {
            received.push(...events);
            for (const { event } of events) if (deduper.accept(event)) applied.push(event);
          },
        });
      }
      await until('1000 distinct events', () => applied.length >= 1000);
      await new Promise((r) => setTimeout(r, 1000));
      expect(received.length).toBeGreaterThanOrEqual(1250);
      expect(applied).toHaveLength(1000);
      expect(applied.map((e) => e.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    });
  });

  describe('the relay process (apps/relay/src/main.ts) with a real broker', () => {
    const root = resolve(__dirname, '../..');
    const kafka = createKafka({ brokers: brokers.split(','), clientId: 'alveole-test', logLevel: logLevel.NOTHING });
    let build: string;
    let dir: string;

    beforeAll(() => {
      // Compiled apart from dist/, so the test runs the relay of this source tree whether or not `npm run build` ran.
      build = mkdtempSync(join(tmpdir(), 'alveole-relay-build-'));
      spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json'), '--outDir', build], { cwd: root, timeout: 180_000 });
      if (!existsSync(join(build, 'apps/relay/src/main.js'))) throw new Error('Compiling the relay failed');
    });
    afterAll(() => rmSync(build, { recursive: true, force: true }));
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'alveole-relay-process-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const startRelay = (topic: string): { child: ChildProcess; output: () => string } => {
      let output = '';
      const child = spawn(process.execPath, [join(build, 'apps/relay/src/main.js')], {
        env: { ...process.env, KAFKA_BROKERS: brokers, DATA_DIR: dir, RELAY_TOPIC: topic, RELAY_BATCH_SIZE: '50', RELAY_PARTITIONS: '3', NODE_PATH: join(root, 'node_modules') },
        stdio: 'pipe',
      });
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      return { child, output: () => output };
    };
    const exited = (child: ChildProcess): Promise<number | null> => new Promise((done) => (child.exitCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code))));

    it('killed with SIGKILL mid-publication and restarted, loses nothing and republishes at most one page; SIGTERM stops it at its checkpoint', async () => {
      const topic = `cae.events.v1.test-${run}-process`;
      const store = SqliteEventStore.open(join(dir, 'events.db'), { synchronous: 'NORMAL' });
      await appendEvents(store, 5000, 50);
      const checkpoint = new FileCheckpoint(join(dir, `relay-checkpoint.${topic}.json`));

      const first = startRelay(topic);
      await until('a first checkpoint', () => existsSync(checkpoint.path), 60_000);
      first.child.kill('SIGKILL');
      await exited(first.child);
      const killedAt = await checkpoint.read();
      expect(killedAt).toBeGreaterThan(0);
      expect(killedAt).toBeLessThan(5000);

      const second = startRelay(topic);
      for (const deadline = Date.now() + 60_000; (await checkpoint.read()) < 5000; await new Promise((r) => setTimeout(r, 50)))
        if (Date.now() > deadline) throw new Error(`The restarted relay did not reach the head: ${second.output()}`);
      // Appended by this process while the relay runs in another: it follows the shared SQLite log.
      await appendEvents(store, 100, 50);
      for (const deadline = Date.now() + 30_000; (await checkpoint.read()) < 5100; await new Promise((r) => setTimeout(r, 50)))
        if (Date.now() > deadline) throw new Error(`The relay did not follow appends: ${second.output()}`);
      second.child.kill('SIGTERM');
      expect(await exited(second.child)).toBe(0);
      expect(second.output()).toContain('relay: stopped at position 5100');
      await store.close();

      const published = await messagesIn(kafka, topic);
      expect(published).toBeGreaterThanOrEqual(5100);
      expect(published - 5100).toBeLessThanOrEqual(50);
      const deduper = new AppliedRevisions();
      const applied = new Set<number>();
      const consumer = new KafkaEventConsumer(kafka, `group-${run}-process`);
      await consumer.start({ topic, handler: async (events) => events.forEach(({ event }) => deduper.accept(event) && applied.add(event.position)) });
      try {
        await until('5100 distinct events', () => applied.size >= 5100);
      } finally {
        await consumer.close();
      }
      expect([...applied].sort((a, b) => a - b)).toEqual(Array.from({ length: 5100 }, (_, i) => i + 1));
      console.log(`relay process killed at checkpoint ${killedAt}; ${published - 5100} event(s) republished after restart`);
    });
  });
}
