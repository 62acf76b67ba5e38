import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { InMemoryEventStore, SqliteEventStore, type EventStore } from '../../event-store';
import { InMemoryKeyStore, PersonalDataVault, SqliteKeyStore, type KeyStore } from '../../personal-data';
import { CommandService, type CommandServiceOptions } from './command-service';

/** Everything the command side needs, wired for one profile. */
export interface Runtime {
  store: EventStore;
  keys: KeyStore;
  vault: PersonalDataVault;
  commands: CommandService;
  close(): Promise<void>;
}

const wire = (store: EventStore, keys: KeyStore, options?: CommandServiceOptions): Runtime => {
  const vault = new PersonalDataVault(keys);
  return {
    store,
    keys,
    vault,
    commands: new CommandService(store, vault, keys, options),
    close: async () => {
      await store.close();
      await keys.close();
    },
  };
};

/** The embedded default: the log and the key store in two SQLite files of the data directory. */
export const openEmbedded = (dataDir: string, options?: CommandServiceOptions): Runtime => {
  mkdirSync(dataDir, { recursive: true });
  // The keys live outside the log's file: erasing a person never touches the legal record.
  return wire(SqliteEventStore.open(join(dataDir, 'events.db')), new SqliteKeyStore(join(dataDir, 'keys.db')), options);
};

export const openInMemory = (options?: CommandServiceOptions): Runtime => wire(new InMemoryEventStore(), new InMemoryKeyStore(), options);
