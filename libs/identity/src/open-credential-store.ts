import { join } from 'node:path';
import { CredentialStore, type CredentialStoreOptions } from './credential-store';
import { SqliteCredentialRows } from './sqlite-credential-rows';

/** The embedded default: DATA_DIR/credentials.db, beside the key store's keys.db. */
export const openCredentialStore = (dataDir: string, options?: CredentialStoreOptions): CredentialStore =>
  new CredentialStore(new SqliteCredentialRows(join(dataDir, 'credentials.db')), options);
