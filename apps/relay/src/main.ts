import { join } from 'node:path';
import { loadConfig, openEventLog, runUntilSignal } from '../../../libs/application';
import { KafkaEventPublisher, createKafka } from '../../../libs/messaging';
import { FileCheckpoint } from './checkpoint';
import { loadRelayConfig } from './config';
import { Relay } from './relay';

/** The relay on its own (distributed profile): the log (EVENT_LOG: SQLite or EventStoreDB), in order, to the Kafka topic. */
runUntilSignal(async () => {
  const config = loadRelayConfig();
  const store = openEventLog(loadConfig());
  const publisher = new KafkaEventPublisher(createKafka({ brokers: config.brokers, clientId: 'alveole-relay' }));
  try {
    await publisher.createTopic(config.topic, config.partitions);
  } catch (error) {
    await publisher.close();
    await store.close();
    throw error;
  }
  // One checkpoint per topic: publishing to a new topic starts from the beginning of the log.
  const checkpoint = new FileCheckpoint(join(config.dataDir, `relay-checkpoint.${config.topic}.json`));
  const relay = new Relay(store, publisher, checkpoint, { topic: config.topic, batchSize: config.batchSize });
  const { checkpoint: from, head } = await relay.status();
  console.log(`relay: publishing the log to ${config.topic} on ${config.brokers.join(',')} from position ${from + 1} (head ${head})`);
  relay.start();
  return async () => {
    await relay.stop();
    await publisher.close();
    await store.close();
    console.log(`relay: stopped at position ${(await checkpoint.read())}`);
  };
});
