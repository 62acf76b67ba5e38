import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStoreDbEventStore, InMemoryEventStore, LogIntegrityError, SqliteEventStore, type EventStore } from '../../event-store';
import { InMemoryKeyStore, PersonalDataVault, SqliteKeyStore, type KeyStore } from '../../personal-data';
import { InMemoryReadStore, MongoReadStore, SqliteReadStore, type ReadStore } from '../../read-store';
import { ALL_PROJECTIONS } from '../../../projections';
import type { Projection } from '../../../projections/projection';
import { createKafka } from '../../messaging';
import { CredentialStore, InMemoryCredentialRows, openCredentialStore } from '../../identity';
import { PROJECTION as NETWORK_STATISTICS } from '../../../projections/network-statistics/documents';
import { CommandService, type CommandServiceOptions } from './command-service';
import type { AppConfig } from './config';
import { gatherProblems, type HealthProblem } from './health';
import { KafkaProjector, type KafkaFeedLag, type KafkaFeedNotBuilt } from './projector/kafka-projector';
import { Projector, type ProjectorOptions } from './projector/projector';
import { quarantinedEvents, type Quarantined } from './projector/quarantine';
import { QueryRunner } from './projector/read-models';
import { AsOfReplayer } from './as-of/replayer';
import { Audits } from './audits/audits';
import { FileSigningKeys, InMemorySigningKeys, type SigningKeys } from './audits/signing-keys';

/** Everything both sides need, wired for one profile. */
/** Which adapters a runtime was wired with, as /api/health reports it. */
export interface RuntimeProfile {
  eventLog: 'sqlite' | 'eventstoredb' | 'in-memory';
  readModels: 'sqlite' | 'mongodb' | 'in-memory';
  networkStatistics: 'log' | 'kafka';
}

export interface Runtime {
  profile: RuntimeProfile;
  store: EventStore;
  keys: KeyStore;
  /** Passwords and API tokens (DATA_DIR/credentials.db), never in the log; opened on first use. */
  readonly credentials: CredentialStore;
  vault: PersonalDataVault;
  commands: CommandService;
  readStore: ReadStore;
  /** Projects the projections fed by the log. */
  projector: Projector;
  /** Projections fed by the events topic instead of the log (distributed profile); none by default. */
  feeds: KafkaProjector[];
  queries: QueryRunner;
  /** Read models as of a business date or a moment of the log, replayed from the log for one query (or audit). */
  asOf: AsOfReplayer;
  /** Label audits: the catalogue over a CAE's history, reports signed with the CAE's key (DATA_DIR/signing-keys). */
  audits: Audits;
  /**
   * Brings every projection up to date and keeps it so: the log projector, then the Kafka feeds. Answers a line
   * per source saying where each stands, for the start-up log.
   */
  startProjections(onProgress?: Parameters<Projector['prepare']>[0]): Promise<string[]>;
  /** Lag of every projection: events behind the log, or messages behind the topic for a Kafka feed. */
  lag(): Promise<(Awaited<ReturnType<Projector['lag']>>[number] | KafkaFeedLag | KafkaFeedNotBuilt)[]>;
  /** The events quarantined in the active generation of every projection (log-fed and Kafka-fed). */
  quarantined(): Promise<Quarantined[]>;
  /** What /api/health answers: `degraded` as soon as the log, the projector or a projection has a problem. */
  health(): Promise<HealthReport>;
  close(): Promise<void>;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  profile: RuntimeProfile;
  eventLog: { headPosition: number };
  projections: Awaited<ReturnType<Runtime['lag']>>;
  problems: HealthProblem[];
}

export interface RuntimeOptions {
  commands?: CommandServiceOptions;
  projector?: ProjectorOptions;
  projections?: readonly Projection[];
  /** Makes the Kafka feeds, given the vault (events carry sealed personal data) and the read store. */
  feeds?: (vault: PersonalDataVault, readStore: ReadStore) => KafkaProjector[];
}

const wire = (
  kinds: Pick<RuntimeProfile, 'eventLog' | 'readModels'>,
  store: EventStore,
  keys: KeyStore,
  readStore: ReadStore,
  openCredentials: () => CredentialStore,
  signingKeys: SigningKeys,
  options: RuntimeOptions = {},
): Runtime => {
  let credentials: CredentialStore | undefined;
  const vault = new PersonalDataVault(keys);
  const feeds = options.feeds?.(vault, readStore) ?? [];
  const fed = new Set(feeds.map((feed) => feed.projection.name));
  const projector = new Projector(store, readStore, vault, (options.projections ?? ALL_PROJECTIONS).filter((p) => !fed.has(p.name)), options.projector);
  const profile: RuntimeProfile = { ...kinds, networkStatistics: feeds.some((feed) => feed.projection.name === NETWORK_STATISTICS) ? 'kafka' : 'log' };
  const names = [...projector.projections.map((p) => p.name), ...feeds.map((feed) => feed.projection.name)];
  const quarantined = async (): Promise<Quarantined[]> => (await Promise.all(names.map((name) => quarantinedEvents(readStore, name)))).flat();
  const lag = async () => [...(await projector.lag()), ...(await Promise.all(feeds.map((feed) => feed.lag())))];
  const commands = new CommandService(store, vault, keys, options.commands);
  return {
    profile,
    store,
    keys,
    get credentials() {
      return (credentials ??= openCredentials());
    },
    vault,
    commands,
    readStore,
    projector,
    feeds,
    queries: new QueryRunner(readStore),
    // Every projection, the Kafka-fed ones too: a replay reads the log, which holds every event the topic carries.
    asOf: new AsOfReplayer(store, vault, options.projections ?? ALL_PROJECTIONS),
    audits: new Audits(store, vault, commands, signingKeys),
    startProjections: async (onProgress) => {
      await projector.prepare(onProgress);
      projector.start();
      for (const feed of feeds) await feed.start();
      const lags = await projector.lag();
      const problems = await gatherProblems({ integrity: () => store.integrity(), projector: () => projector.problems(), quarantined });
      return [
        `projecting ${lags.map((l) => `${l.projection} @${l.checkpoint}`).join(', ')} from the log (head ${lags[0]?.head ?? 0})`,
        ...feeds.map((feed) => `projecting ${feed.projection.name} from topic ${feed.topic} as group ${feed.group}`),
        ...problems.map((problem) => `DEGRADED ${problem.code}: ${problem.message}`),
      ];
    },
    lag,
    quarantined,
    health: async () => {
      const problems = await gatherProblems({ integrity: () => store.integrity(), projector: () => projector.problems(), quarantined });
      return { status: problems.length > 0 ? 'degraded' : 'ok', profile, eventLog: { headPosition: await store.headPosition() }, projections: await lag(), problems };
    },
    close: async () => {
      for (const feed of feeds) await feed.stop();
      await projector.stop();
      await store.close();
      await keys.close();
      await credentials?.close();
      await readStore.close();
    },
  };
};

/** The embedded default: the log, the key store and the read models in three SQLite files of the data directory. */
export const openEmbedded = (dataDir: string, options?: RuntimeOptions): Runtime => {
  mkdirSync(dataDir, { recursive: true });
  // The keys live outside the log's file: erasing a person never touches the legal record.
  return wire(
    { eventLog: 'sqlite', readModels: 'sqlite' },
    SqliteEventStore.open(join(dataDir, 'events.db')),
    new SqliteKeyStore(join(dataDir, 'keys.db')),
    SqliteReadStore.open(join(dataDir, 'read-models.db')),
    () => openCredentialStore(dataDir),
    new FileSigningKeys(join(dataDir, 'signing-keys')),
    options,
  );
};

/** The event log the configuration names: the data directory's SQLite file, or an EventStoreDB server. */
export const openEventLog = (config: AppConfig): EventStore => {
  mkdirSync(config.dataDir, { recursive: true });
  return config.eventLog.kind === 'sqlite' ? SqliteEventStore.open(join(config.dataDir, 'events.db')) : EventStoreDbEventStore.connect(config.eventLog.url);
};

/**
 * The runtime the configuration describes: the log in SQLite or EventStoreDB, the read models in SQLite or
 * MongoDB, in any combination; the personal-data keys always in the data directory, outside the log.
 */
export const openConfigured = async (config: AppConfig): Promise<Runtime> => {
  const store = openEventLog(config);
  // A log in another format is refused before anything reads it (the SQLite file already was, at open).
  const outdated = (await store.integrity()).find((problem) => problem.code === 'LOG_FORMAT_OUTDATED');
  if (outdated !== undefined) {
    await store.close();
    throw new LogIntegrityError(outdated);
  }
  const readStore =
    config.readModels.kind === 'sqlite'
      ? SqliteReadStore.open(join(config.dataDir, 'read-models.db'))
      : await MongoReadStore.connect(config.readModels.url, config.readModels.database);
  const statistics = config.networkStatistics;
  return wire({ eventLog: config.eventLog.kind, readModels: config.readModels.kind }, store, new SqliteKeyStore(join(config.dataDir, 'keys.db')), readStore, () => openCredentialStore(config.dataDir, { sessionTtlMs: config.access.sessionHours * 3_600_000 }), new FileSigningKeys(join(config.dataDir, 'signing-keys')), {
    projector: { batchSize: config.projectorBatchSize },
    ...(statistics.from === 'kafka'
      ? {
          feeds: (vault, reads) => {
            const projection = ALL_PROJECTIONS.find((p) => p.name === NETWORK_STATISTICS)!;
            const kafka = createKafka({ brokers: config.kafkaBrokers, clientId: 'alveole-network-statistics' });
            return [new KafkaProjector(kafka, reads, vault, projection, {
              topic: statistics.topic,
              groupPrefix: statistics.groupPrefix,
              maxBytesPerPartition: statistics.fetchBytes,
              sessionTimeoutMs: statistics.sessionTimeoutMs,
            })];
          },
        }
      : {}),
  });
};

export const openInMemory = (options?: RuntimeOptions): Runtime =>
  wire({ eventLog: 'in-memory', readModels: 'in-memory' }, new InMemoryEventStore(), new InMemoryKeyStore(), new InMemoryReadStore(), () => new CredentialStore(new InMemoryCredentialRows()), new InMemorySigningKeys(), options);
