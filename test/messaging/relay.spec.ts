import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../libs/application/src/config';
import { InMemoryEventStore, type RecordedEvent } from '../../libs/event-store';
import { AppliedRevisions, withGuard, withoutGuard } from '../../libs/application';
import { EVENTS_TOPIC, InProcessEventBus, type EventPublisher } from '../../libs/messaging';
import { FileCheckpoint, MemoryCheckpoint, type RelayCheckpoint } from '../../apps/relay/src/checkpoint';
import { loadRelayConfig } from '../../apps/relay/src/config';
import { Relay } from '../../apps/relay/src/relay';
import { appendEvents } from './log-fixture';

/** The relay's contract with the in-process bus (no broker needed); kafka-relay.spec.ts runs it against Kafka. */
describe('Relay (in-process bus)', () => {
  const newBus = async (): Promise<InProcessEventBus> => {
    const bus = new InProcessEventBus();
    await bus.createTopic(EVENTS_TOPIC, 4);
    return bus;
  };

  it('publishes the log in order per stream, keyed by stream id, with the headers, and checkpoints the last position', async () => {
    const store = new InMemoryEventStore();
    const stored = await appendEvents(store, 1200, 30);
    const bus = await newBus();
    const checkpoint = new MemoryCheckpoint();
    const relay = new Relay(store, bus, checkpoint, { batchSize: 250 });
    expect(await relay.catchUp()).toBe(1200);
    expect(await checkpoint.read()).toBe(stored[stored.length - 1]!.position);

    const delivered = bus.read(EVENTS_TOPIC);
    expect(delivered).toHaveLength(1200);
    const byStream = new Map<string, number[]>();
    for (const { event, key, headers, partition } of delivered) {
      expect(key).toBe(event.streamId);
      expect(headers).toEqual({ type: event.type, caeId: event.metadata.caeId, position: event.position, hash: event.hash, schemaVersion: event.schemaVersion });
      expect(event).toEqual(stored[event.position - 1]);
      byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event.revision]);
      // A stream lives on one partition: that is what keeps its order.
      expect(delivered.filter((d) => d.key === key).every((d) => d.partition === partition)).toBe(true);
    }
    for (const revisions of byStream.values()) expect(revisions).toEqual(revisions.map((_, i) => i));
    expect(await relay.status()).toEqual({ checkpoint: 1200, head: 1200, eventsBehind: 0 });
  });

  it('restarted from its checkpoint, publishes only what was appended since', async () => {
    const store = new InMemoryEventStore();
    await appendEvents(store, 300);
    const bus = await newBus();
    const checkpoint = new MemoryCheckpoint();
    await new Relay(store, bus, checkpoint, { batchSize: 100 }).catchUp();
    await appendEvents(store, 50);
    expect(await new Relay(store, bus, checkpoint, { batchSize: 100 }).catchUp()).toBe(50);
    expect(bus.read(EVENTS_TOPIC).map((d) => d.event.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 350 }, (_, i) => i + 1));
  });

  it('does not checkpoint a page the broker did not acknowledge, and publishes it again', async () => {
    const store = new InMemoryEventStore();
    await appendEvents(store, 30);
    const bus = await newBus();
    let failures = 1;
    const flaky: EventPublisher = {
      createTopic: (name, partitions) => bus.createTopic(name, partitions),
      close: () => bus.close(),
      publish: async (topic, events) => {
        if (events[0]!.position === 11 && failures-- > 0) throw new Error('broker unavailable');
        await bus.publish(topic, events);
      },
    };
    const checkpoint = new MemoryCheckpoint();
    const relay = new Relay(store, flaky, checkpoint, { batchSize: 10 });
    await expect(relay.catchUp()).rejects.toThrow('broker unavailable');
    expect(await checkpoint.read()).toBe(10);
    expect(await relay.catchUp()).toBe(20);
    expect(bus.read(EVENTS_TOPIC)).toHaveLength(30);
  });

  it('killed between acknowledgement and checkpoint, republishes that page; the consumer dedupe counts each event once', async () => {
    const store = new InMemoryEventStore();
    await appendEvents(store, 40);
    const bus = await newBus();
    const durable = new MemoryCheckpoint();
    let crashes = 1;
    // Simulates the process dying after the broker acknowledged page 21–30 and before its checkpoint was written.
    const crashing: RelayCheckpoint = {
      read: () => durable.read(),
      write: async (position) => {
        if (position === 30 && crashes-- > 0) throw new Error('killed');
        await durable.write(position);
      },
    };
    await expect(new Relay(store, bus, crashing, { batchSize: 10 }).catchUp()).rejects.toThrow('killed');
    expect(await new Relay(store, bus, crashing, { batchSize: 10 }).catchUp()).toBe(20);
    const delivered = bus.read(EVENTS_TOPIC);
    expect(delivered).toHaveLength(50);
    const deduper = new AppliedRevisions();
    const applied = delivered.filter((d) => deduper.accept(d.event));
    expect(applied.map((d) => d.event.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('runs until stopped, following appends', async () => {
    const store = new InMemoryEventStore();
    const bus = await newBus();
    const pages: number[] = [];
    const relay = new Relay(store, bus, new MemoryCheckpoint(), { batchSize: 10, onPublished: (page) => pages.push(page.count) });
    relay.start();
    await appendEvents(store, 25);
    const deadline = Date.now() + 10_000;
    while (bus.read(EVENTS_TOPIC).length < 25 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await relay.stop();
    expect(bus.read(EVENTS_TOPIC)).toHaveLength(25);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(25);
  });
});

describe('AppliedRevisions (the consumers\' guard)', () => {
  it('accepts each (streamId, revision) once, from the revisions a consumer restored', () => {
    const deduper = new AppliedRevisions([['a', 1]]);
    const e = (streamId: string, revision: number) => ({ streamId, revision }) as Pick<RecordedEvent, 'streamId' | 'revision'>;
    expect([e('a', 0), e('a', 1), e('a', 2), e('b', 0), e('a', 2), e('b', 0), e('b', 1)].map((x) => deduper.accept(x))).toEqual([
      false, false, true, true, false, false, true,
    ]);
    expect(deduper.toJson()).toEqual([['a', 2], ['b', 1]]);
  });

  it('is kept in the document it guards, in stream order, and left out of what projections and queries see', () => {
    const applied = new AppliedRevisions([['b', 3], ['a', 0]]);
    const stored = withGuard({ caeId: 'x' }, applied);
    expect(stored).toEqual({ caeId: 'x', _applied: [['a', 0], ['b', 3]] });
    expect(withoutGuard(stored)).toEqual({ caeId: 'x' });
    const restored = AppliedRevisions.of(stored);
    expect([restored.holds({ streamId: 'b', revision: 3 }), restored.holds({ streamId: 'b', revision: 4 }), restored.holds({ streamId: 'c', revision: 0 })]).toEqual([true, false, false]);
  });
});

describe('FileCheckpoint', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'alveole-relay-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads 0 before any write, then the last position written, across instances, leaving no temporary file', async () => {
    const path = join(dir, 'relay-checkpoint.cae.events.v1.json');
    expect(await new FileCheckpoint(path).read()).toBe(0);
    await new FileCheckpoint(path).write(41);
    await new FileCheckpoint(path).write(42);
    expect(await new FileCheckpoint(path).read()).toBe(42);
    expect(existsSync(`${path}.tmp`)).toBe(false);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ position: 42 });
  });
});

describe('relay configuration', () => {
  it('reads the environment, with defaults', () => {
    expect(loadRelayConfig({ KAFKA_BROKERS: '127.0.0.1:9092, kafka:9093' }, '/srv')).toEqual({
      brokers: ['127.0.0.1:9092', 'kafka:9093'],
      dataDir: '/srv/data',
      topic: 'cae.events.v1',
      partitions: 6,
      batchSize: 500,
    });
  });

  it('names every problem', () => {
    const load = () => loadRelayConfig({ KAFKA_BROKERS: 'localhost', RELAY_TOPIC: 'a topic', RELAY_BATCH_SIZE: '0', DATA_DIR: ' ' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/KAFKA_BROKERS: "localhost" is not host:port[\s\S]*DATA_DIR[\s\S]*RELAY_TOPIC[\s\S]*RELAY_BATCH_SIZE/);
    expect(() => loadRelayConfig({})).toThrow(/KAFKA_BROKERS must list the Kafka brokers/);
  });
});
