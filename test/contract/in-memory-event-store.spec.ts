import { InMemoryEventStore } from '../../libs/event-store';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract('InMemoryEventStore', async () => ({ store: new InMemoryEventStore() }));
