export { KEY_BYTES, type KeyStore, type PersonKey } from './src/key-store';
export { InMemoryKeyStore } from './src/in-memory-key-store';
export { SqliteKeyStore } from './src/sqlite-key-store';
export { FORGOTTEN, isForgotten, isSealed, PersonalDataVault, SealedValueTamperedError, type Forgotten, type SealedValue } from './src/vault';
export { openSecureSqlite } from './src/secure-sqlite';
