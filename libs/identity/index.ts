export { API_TOKEN_PREFIX } from './src/api-token-secret';
export type { AccountRow, CredentialRows, SessionRow, TokenRow } from './src/credential-rows';
export { CredentialStore, type CredentialStoreOptions, DEFAULT_SESSION_TTL_MS } from './src/credential-store';
export {
  type Account,
  type ApiToken,
  InvalidCredentialInputError,
  type PasswordCheck,
  type Session,
  type SessionCheck,
  type TokenCheck,
  type TokenScope,
  UnknownAccountError,
  UsernameTakenError,
} from './src/credentials';
export { InMemoryCredentialRows } from './src/in-memory-credential-rows';
export { ARGON2ID_PARAMETERS, Argon2idHasher, type PasswordHasher } from './src/password-hasher';
export { openCredentialStore } from './src/open-credential-store';
export { SqliteCredentialRows } from './src/sqlite-credential-rows';
export { SESSION_TOKEN_PREFIX } from './src/session-secret';
