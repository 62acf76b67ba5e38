import { InMemoryReadStore } from '../../libs/read-store';
import { describeReadStoreContract } from './read-store.contract';

describeReadStoreContract('InMemoryReadStore', async () => ({ store: new InMemoryReadStore() }));
