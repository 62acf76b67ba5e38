import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStoreDbEventStore, InMemoryEventStore, SqliteEventStore, type EventStore } from '../../event-store';
import { InMemoryKeyStore, PersonalDataVault, SqliteKeyStore, type KeyStore } from '../../personal-data';
import { InMemoryReadStore, MongoReadStore, SqliteReadStore, type ReadStore } from '../../read-store';
import { ALL_PROJECTIONS } from '../../../projections';
import type { Projection } from '../../../projections/projection';
import { CommandService, type CommandServiceOptions } from './command-service';
import type { AppConfig } from './config';
import { Projector, type ProjectorOptions } from './projector/projector';
import { QueryRunner } from './projector/read-models';

/** Everything both sides need, wired for one profile. */
export interface Runtime {
  store: EventStore;
  keys: KeyStore;
  vault: PersonalDataVault;
  commands: CommandService;
  readStore: ReadStore;
  projector: Projector;
  queries: QueryRunner;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  commands?: CommandServiceOptions;
  projector?: ProjectorOptions;
  projections?: readonly Projection[];
}

const wire = (store: EventStore, keys: KeyStore, readStore: ReadStore, options: RuntimeOptions = {}): Runtime => {
  const vault = new PersonalDataVault(keys);
  const projector = new Projector(store, readStore, vault, options.projections ?? ALL_PROJECTIONS, options.projector);
  return {
    store,
    keys,
    vault,
    commands: new CommandService(store, vault, keys, options.commands),
    readStore,
    projector,
    queries: new QueryRunner(readStore),
    close: async () => {
      await projector.stop();
      await store.close();
      await keys.close();
      await readStore.close();
    },
  };
};

/** The embedded default: the log, the key store and the read models in three SQLite files of the data directory. */
export const openEmbedded = (dataDir: string, options?: RuntimeOptions): Runtime => {
  mkdirSync(dataDir, { recursive: true });
  // The keys live outside the log's file: erasing a person never touches the legal record.
  return wire(
    SqliteEventStore.open(join(dataDir, 'events.db')),
    new SqliteKeyStore(join(dataDir, 'keys.db')),
    SqliteReadStore.open(join(dataDir, 'read-models.db')),
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
  const readStore =
    config.readModels.kind === 'sqlite'
      ? SqliteReadStore.open(join(config.dataDir, 'read-models.db'))
      : await MongoReadStore.connect(config.readModels.url, config.readModels.database);
  return wire(store, new SqliteKeyStore(join(config.dataDir, 'keys.db')), readStore, { projector: { batchSize: config.projectorBatchSize } });
};

export const openInMemory = (options?: RuntimeOptions): Runtime => wire(new InMemoryEventStore(), new InMemoryKeyStore(), new InMemoryReadStore(), options);
