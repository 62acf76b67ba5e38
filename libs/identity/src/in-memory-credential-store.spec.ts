import { credentialStoreContract } from './testing/credential-store.contract';
import { InMemoryCredentialRows } from './in-memory-credential-rows';

credentialStoreContract('InMemoryCredentialRows', () => new InMemoryCredentialRows());
