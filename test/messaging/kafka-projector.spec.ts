import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AssignerProtocol, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { KAFKA_FEED_VERSION_OFFSET, KafkaProjector, QueryRunner, quarantinedEvents, type KafkaFeedLag, type KafkaProjectorOptions } from '../../libs/application';
import { KafkaEventPublisher, createKafka } from '../../libs/messaging';
import { MongoReadStore, SqliteReadStore, type ReadStore } from '../../libs/read-store';
import { networkStatistics as networkStatisticsProjection } from '../../projections/network-statistics/projection';
import { COLLECTIONS } from '../../projections/network-statistics/documents';
import { generateHistory } from '../../libs/scenarios';
import { CAES, EmbeddedNetwork, GatedReadStore, YEAR, figuresOf, messagesIn, networkHistory, until, type Figures } from './kafka-projector-fixture';

/**
 * The network statistics fed by the events topic (KafkaProjector), in process, against a real Kafka broker
 * (KAFKA_BROKERS) and a real MongoDB-wire server (MONGODB_URL, FerretDB in the dev servers): duplicates on the
 * topic, several members of one group writing the same documents, a restarted member, a new version of the code
 * rebuilt in a new generation, and the lag report. The reference is always the log projector over the same log.
 * Each run uses topics, consumer groups and databases of its own.
 */
const brokers = process.env['KAFKA_BROKERS'];
const mongoUrl = process.env['MONGODB_URL'];

if (!brokers || !mongoUrl) {
  describe.skip('KafkaProjector — skipped: set KAFKA_BROKERS and MONGODB_URL (npm run test:servers starts both) to run against a real broker and MongoDB-wire server', () => {
    it.skip('needs a Kafka broker and a MongoDB-wire server', () => undefined);
  });
} else {
  jest.setTimeout(300_000);

  const run = `${Date.now()}-${process.pid}`;
  // Rebalances log errors that are expected here; real failures reach the tests through onError or rejections.
  const kafka = createKafka({ brokers: brokers.split(','), clientId: 'alveole-test-kafka-projector', logLevel: logLevel.NOTHING });
  const topicOf = (name: string): string => `cae.events.v1.test-projector-${run}-${name}`;
  const groupOf = (name: string): string => `test-projector.${run}.${name}`;
  const databaseOf = (name: string): string => `kp_${run}_${name}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 63);

  describe('KafkaProjector (real broker, MongoDB-wire read store)', () => {
    let network: EmbeddedNetwork;
    let embedded: Figures;
    let publisher: KafkaEventPublisher;
    const projectors: KafkaProjector[] = [];
    const stores: ReadStore[] = [];
    const databases: string[] = [];
    const dirs: string[] = [];
    /** What the projectors reported through onError: a test expecting none checks it. */
    let errors: unknown[];
    /**
     * The errors reported that were not transient: a fresh broker may answer a first group request with a
     * retriable error (NOT_COORDINATOR while it loads __consumer_offsets), which kafkajs and the projector retry.
     */
    const lasting = (reported: unknown[]): unknown[] => reported.filter((error) => (error as { retriable?: unknown }).retriable !== true);

    beforeAll(async () => {
      network = new EmbeddedNetwork();
      await network.import(networkHistory());
      embedded = await network.figures();
      publisher = new KafkaEventPublisher(kafka);
    });

    afterAll(async () => {
      await publisher.close();
      await network.close();
      const client = new MongoClient(mongoUrl);
      try {
        await client.connect();
        for (const name of databases) await client.db(name).dropDatabase();
      } finally {
        await client.close();
      }
    });

    beforeEach(() => (errors = []));

    afterEach(async () => {
      await Promise.all(projectors.splice(0).map((projector) => projector.stop()));
      await Promise.all(stores.splice(0).map((store) => store.close()));
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    });

    /** One connection to the test's database, as one process of the deployment would open it. */
    const mongo = async (name: string): Promise<MongoReadStore> => {
      const database = databaseOf(name);
      if (!databases.includes(database)) databases.push(database);
      const store = await MongoReadStore.connect(mongoUrl, database);
      stores.push(store);
      return store;
    };

    const sqlite = (): SqliteReadStore => {
      const dir = mkdtempSync(join(tmpdir(), 'alveole-kafka-projector-reads-'));
      dirs.push(dir);
      const store = SqliteReadStore.open(join(dir, 'read-models.db'));
      stores.push(store);
      return store;
    };

    const projectorOn = (
      readStore: ReadStore,
      topic: string,
      groupPrefix: string,
      projection = networkStatisticsProjection,
      options: KafkaProjectorOptions = {},
    ): KafkaProjector => {
      const projector = new KafkaProjector(kafka, readStore, network.runtime.vault, projection, {
        topic,
        groupPrefix,
        catchUpCheckMs: 200,
        onError: (error) => errors.push(error),
        ...options,
      });
      projectors.push(projector);
      return projector;
    };

    /** waitUntilCaughtUp, with what the projectors reported meanwhile when it times out. */
    const caughtUp = async (projector: KafkaProjector): Promise<void> => {
      try {
        await projector.waitUntilCaughtUp(180_000);
      } catch (error) {
        throw new Error(`${(error as Error).message}\nreported: ${errors.map(String).join('\n') || 'nothing'}`);
      }
    };

    const feedLag = async (projector: KafkaProjector): Promise<KafkaFeedLag> => {
      const lag = await projector.lag();
      if (!('messagesBehind' in lag)) throw new Error(`Expected a built feed, got ${JSON.stringify(lag)}`);
      return lag;
    };

    it('counts nothing twice when the relay published pages again (crash between acknowledgement and checkpoint)', async () => {
      const topic = topicOf('duplicates');
      await publisher.createTopic(topic, 3);
      const head = await network.head();
      expect(await network.publish(publisher, topic)).toBe(head);
      // Crashed before checkpointing the middle pages, then restarted from a lost checkpoint: the whole log again.
      const middle = Math.floor(head / 3);
      expect(await network.publish(publisher, topic, middle)).toBe(head - middle);
      expect(await network.publish(publisher, topic, 0)).toBe(head);
      expect(await messagesIn(kafka, topic)).toBe(3 * head - middle);

      const readStore = sqlite();
      const projector = projectorOn(readStore, topic, groupOf('duplicates'));
      await projector.start();
      await caughtUp(projector);

      expect(await figuresOf(new QueryRunner(readStore))).toEqual(embedded);
      expect(lasting(errors)).toEqual([]);
    });

    // On one SQLite file, not on FerretDB: FerretDB v1 runs a filtered update as a read then a separate write, so
    // its compare-and-set is not atomic and concurrent members can lose updates there (one member per group on
    // FerretDB; MongoDB's conditional updates are atomic). What this test checks is the members' protocol.
    it('three members of one group on one read store, started together, write the shared per-CAE documents safely', async () => {
      const topic = topicOf('members');
      const group = groupOf('members');
      await publisher.createTopic(topic, 3);
      // Separate connections, as separate processes would have; started at the same moment, on an empty store.
      const file = join(mkdtempSync(join(tmpdir(), 'alveole-kafka-members-')), 'read-models.db');
      dirs.push(dirname(file));
      const open = (): SqliteReadStore => {
        const store = SqliteReadStore.open(file);
        stores.push(store);
        return store;
      };
      const connections = [new GatedReadStore(open()), new GatedReadStore(open()), new GatedReadStore(open())];
      const members = connections.map((connection) => projectorOn(connection, topic, group));
      await Promise.all(members.map((member) => member.start()));
      expect(new Set(members.map((member) => member.group)).size).toBe(1);

      // Each member holds a partition before anything is published: the three consume, and write, side by side.
      const admin = kafka.admin();
      await admin.connect();
      try {
        await until('the three members to share the three partitions', async () => {
          const { groups } = await admin.describeGroups([members[0]!.group]);
          const assigned = (groups[0]?.members ?? []).map((m) => AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment[topic]?.length ?? 0);
          return groups[0]?.state === 'Stable' && assigned.length === 3 && assigned.every((count) => count === 1);
        });
      } finally {
        await admin.disconnect();
      }
      expect(await network.publish(publisher, topic, 0, 50)).toBe(await network.head());
      await caughtUp(members[0]!);

      // Every member wrote: the documents shared by the CAEs' streams were written from three connections.
      expect(connections.map((connection) => connection.batches > 0)).toEqual([true, true, true]);
      const reads = open();
      expect(await figuresOf(new QueryRunner(reads))).toEqual(embedded);
      const status = await reads.status(networkStatisticsProjection.name);
      expect(status).toEqual({ projection: networkStatisticsProjection.name, activeGeneration: expect.any(Number), version: KAFKA_FEED_VERSION_OFFSET + networkStatisticsProjection.version });
      expect(lasting(errors)).toEqual([]);
    });

    it('a member restarted after the log grew continues the same generation and ends with the new figures; lag() counts what it has to consume', async () => {
      // A log of its own, which this test makes grow: gamma's year half imported, then the rest and a new CAE.
      const growing = new EmbeddedNetwork();
      try {
        const gamma = generateHistory({ caeId: 'gamma', entrepreneurs: 6, year: YEAR });
        const half = Math.floor(gamma.length / 2);
        const caes = [...CAES, 'delta'];
        await growing.import(networkHistory().filter((envelope) => envelope.data['caeId'] !== 'gamma'));
        await growing.import(gamma.slice(0, half));
        const before = await growing.figures(caes);

        const topic = topicOf('restart');
        const group = groupOf('restart');
        await publisher.createTopic(topic, 3);
        const firstHead = await growing.head();
        await growing.publish(publisher, topic);

        const readStore = await mongo('restart');
        const first = new KafkaProjector(kafka, readStore, growing.runtime.vault, networkStatisticsProjection, { topic, groupPrefix: group, catchUpCheckMs: 200, onError: (error) => errors.push(error) });
        projectors.push(first);
        await first.start();
        await caughtUp(first);
        expect(await figuresOf(new QueryRunner(readStore), caes)).toEqual(before);
        const built = await readStore.status(networkStatisticsProjection.name);
        const firstGroup = first.group;
        await first.stop();

        await growing.import(gamma.slice(half));
        await growing.import(generateHistory({ caeId: 'delta', entrepreneurs: 4, year: YEAR }));
        const after = await growing.figures(caes);
        expect(after).not.toEqual(before);
        const appended = (await growing.head()) - firstHead;
        expect(await growing.publish(publisher, topic, firstHead)).toBe(appended);

        // Asked from another process (another connection, not started): exactly the appended messages are behind.
        const observer = new KafkaProjector(kafka, await mongo('restart'), growing.runtime.vault, networkStatisticsProjection, { topic, groupPrefix: group });
        projectors.push(observer);
        const behind = await feedLag(observer);
        expect(behind).toMatchObject({ group: firstGroup, generation: built.activeGeneration, rebuilding: false, messagesBehind: appended });

        const restarted = new KafkaProjector(kafka, await mongo('restart'), growing.runtime.vault, networkStatisticsProjection, { topic, groupPrefix: group, catchUpCheckMs: 200, onError: (error) => errors.push(error) });
        projectors.push(restarted);
        await restarted.start();
        expect(restarted.group).toBe(firstGroup);
        await caughtUp(restarted);

        expect(await readStore.status(networkStatisticsProjection.name)).toEqual(built);
        expect(await figuresOf(new QueryRunner(readStore), caes)).toEqual(after);
        expect(await feedLag(observer)).toMatchObject({ rebuilding: false, messagesBehind: 0 });
        expect(lasting(errors)).toEqual([]);
      } finally {
        await Promise.all(projectors.splice(0).map((projector) => projector.stop()));
        await growing.close();
      }
    });

    it('a new version of the projection is built in a new generation while queries read the old one, then replaces it', async () => {
      const topic = topicOf('version');
      const group = groupOf('version');
      await publisher.createTopic(topic, 3);
      await network.publish(publisher, topic);

      const readStore = await mongo('version');
      const v1 = projectorOn(readStore, topic, group);
      await v1.start();
      await caughtUp(v1);
      await v1.stop();
      const old = await readStore.status(networkStatisticsProjection.name);
      expect(old.version).toBe(KAFKA_FEED_VERSION_OFFSET + networkStatisticsProjection.version);
      const oldRef = { projection: networkStatisticsProjection.name, generation: old.activeGeneration! };

      const nextVersion = { ...networkStatisticsProjection, version: networkStatisticsProjection.version + 1 };
      const gated = new GatedReadStore(await mongo('version'));
      const v2 = projectorOn(gated, topic, group, nextVersion);
      expect(await v2.lag()).toMatchObject({ state: 'not built yet' });

      // The build holds its first batches at the gate: read from the topic, nothing written, no offset committed.
      gated.hold();
      await v2.start();
      await until('the new generation to reach its first write', async () => gated.batches > 0);
      const during = await readStore.status(networkStatisticsProjection.name);
      expect(during).toMatchObject({ activeGeneration: oldRef.generation, version: KAFKA_FEED_VERSION_OFFSET + networkStatisticsProjection.version, rebuildingVersion: KAFKA_FEED_VERSION_OFFSET + nextVersion.version });
      expect(during.rebuildingGeneration).toBeGreaterThan(oldRef.generation);
      expect(v2.group).toBe(`${group}.g${during.rebuildingGeneration}`);
      expect(await feedLag(v2)).toMatchObject({ rebuilding: true, generation: during.rebuildingGeneration, messagesBehind: await messagesIn(kafka, topic) });
      const newRef = { projection: networkStatisticsProjection.name, generation: during.rebuildingGeneration! };
      expect(await readStore.list(newRef, COLLECTIONS.caes)).toEqual([]);
      // Queries answer the old generation's figures, whole, while the new one is empty.
      expect(await figuresOf(new QueryRunner(readStore))).toEqual(embedded);

      gated.release();
      await caughtUp(v2);
      expect(await readStore.status(networkStatisticsProjection.name)).toEqual({
        projection: networkStatisticsProjection.name,
        activeGeneration: newRef.generation,
        version: KAFKA_FEED_VERSION_OFFSET + nextVersion.version,
      });
      expect(await readStore.list(oldRef, COLLECTIONS.caes)).toEqual([]);
      expect((await readStore.list(newRef, COLLECTIONS.caes)).map((doc) => doc.doc['caeId'])).toEqual(CAES);
      expect(await figuresOf(new QueryRunner(readStore))).toEqual(embedded);
      expect(lasting(errors)).toEqual([]);
    });

    it('quarantines an event the projection cannot apply, goes on with the other CAEs, and a rebuild with fixed code clears it', async () => {
      const topic = topicOf('quarantine');
      const group = groupOf('quarantine');
      await publisher.createTopic(topic, 3);
      await network.publish(publisher, topic);
      // The first event of beta the network statistics take, past its registration: the projection throws on it.
      const log = await network.runtime.store.readAll(1, { limit: 100_000 });
      const beta = log.filter((e) => e.metadata.caeId === 'beta' && e.type === 'InvoiceIssued');
      const poisoned = beta[0]!.position;
      const throwing = {
        ...networkStatisticsProjection,
        apply: (event: Parameters<typeof networkStatisticsProjection.apply>[0], docs: Parameters<typeof networkStatisticsProjection.apply>[1]) => {
          if (event.position === poisoned) throw new Error('cannot apply this one');
          return networkStatisticsProjection.apply(event, docs);
        },
      };

      const readStore = sqlite();
      const projector = projectorOn(readStore, topic, group, throwing, { onQuarantine: () => undefined });
      await projector.start();
      await caughtUp(projector);
      const quarantined = await quarantinedEvents(readStore, networkStatisticsProjection.name);
      expect(quarantined).toEqual([
        expect.objectContaining({ projection: networkStatisticsProjection.name, caeId: 'beta', position: poisoned, eventType: 'InvoiceIssued', error: 'cannot apply this one' }),
      ]);
      // beta's later invoices are held behind it (how many depends on the partitions' interleaving), never applied.
      expect(quarantined[0]!.held).toBeGreaterThan(0);
      const figures = await figuresOf(new QueryRunner(readStore));
      expect({ alpha: figures.caes['alpha'], gamma: figures.caes['gamma'] }).toEqual({ alpha: embedded.caes['alpha'], gamma: embedded.caes['gamma'] });
      expect(figures.caes['beta']).not.toEqual(embedded.caes['beta']);
      await projector.stop();

      // The fixed code, rebuilt from the topic (what `cli quarantine retry` does): nothing held, every figure right.
      await projectorOn(readStore, topic, group).rebuild();
      expect(await quarantinedEvents(readStore, networkStatisticsProjection.name)).toEqual([]);
      expect(await figuresOf(new QueryRunner(readStore))).toEqual(embedded);
      expect(lasting(errors)).toEqual([]);
    });

    /** The SQLite store, its third batch written `delayMs` late. */
    const slowThirdBatch = (sqliteStore: ReadStore, delayMs: number): ReadStore => {
      let batches = 0;
      return Object.assign(Object.create(sqliteStore) as ReadStore, {
        applyBatch: async (...args: Parameters<ReadStore['applyBatch']>) => {
          if (++batches === 3) await new Promise((resume) => setTimeout(resume, delayMs));
          return sqliteStore.applyBatch(...args);
        },
      });
    };

    it('a batch written slower than the session lasts keeps its member: it heartbeats while it works', async () => {
      const topic = topicOf('slow');
      await publisher.createTopic(topic, 3);
      await network.publish(publisher, topic);
      const sqliteStore = sqlite();
      const projector = projectorOn(slowThirdBatch(sqliteStore, 10_000), topic, groupOf('slow'), networkStatisticsProjection, { sessionTimeoutMs: 6000, maxBytesPerPartition: 16_384 });
      await projector.start();
      await caughtUp(projector);

      expect(errors.map(String).filter((message) => /not aware of this member/.test(message))).toEqual([]);
      expect(await figuresOf(new QueryRunner(sqliteStore))).toEqual(embedded);
    });

    it('a member stuck past maxHandlingMs is forgotten by the group (its session expired), joins again and loses nothing', async () => {
      const topic = topicOf('forgotten');
      await publisher.createTopic(topic, 3);
      await network.publish(publisher, topic);
      const sqliteStore = sqlite();
      // Heartbeats stop after 1 s of handling: the group drops the member and its offset commit is refused
      // (UNKNOWN_MEMBER_ID), an error kafkajs does not restart the consumer from.
      const projector = projectorOn(slowThirdBatch(sqliteStore, 10_000), topic, groupOf('forgotten'), networkStatisticsProjection, {
        sessionTimeoutMs: 6000,
        maxBytesPerPartition: 16_384,
        maxHandlingMs: 1000,
      });
      await projector.start();
      await caughtUp(projector);

      expect(errors.map(String).some((message) => /not aware of this member/.test(message))).toBe(true);
      expect(await figuresOf(new QueryRunner(sqliteStore))).toEqual(embedded);
    });

    it('lag() reports the messages behind before consuming, and none once caught up', async () => {
      const topic = topicOf('lag');
      const group = groupOf('lag');
      await publisher.createTopic(topic, 3);
      const readStore = sqlite();
      const projector = projectorOn(readStore, topic, group);
      expect(await projector.lag()).toEqual({ projection: networkStatisticsProjection.name, source: 'kafka', topic, state: 'not built yet' });

      await network.publish(publisher, topic);
      await projector.start();
      await caughtUp(projector);
      const none = await feedLag(projector);
      expect(none).toMatchObject({ rebuilding: false, messagesBehind: 0, group: projector.group });
      expect(none.partitions.map((p) => p.committed - p.end)).toEqual([0, 0, 0]);
      await projector.stop();

      // Pages published again while no member runs: the group is behind by exactly those messages.
      const head = await network.head();
      const republished = await network.publish(publisher, topic, Math.floor(head / 2));
      const idle = projectorOn(readStore, topic, group);
      const behind = await feedLag(idle);
      expect(behind).toMatchObject({ rebuilding: false, messagesBehind: republished, group: none.group });
      expect(behind.messagesBehind).toBeGreaterThan(0);

      const resumed = projectorOn(readStore, topic, group);
      await resumed.start();
      await caughtUp(resumed);
      expect(await feedLag(idle)).toMatchObject({ rebuilding: false, messagesBehind: 0 });
      expect(await figuresOf(new QueryRunner(readStore))).toEqual(embedded);
      expect(lasting(errors)).toEqual([]);
    });
  });
}
