import { brokerList, ConfigError, dataDirOf, isBrokerAddress, isKafkaTopic, wholeNumber } from '../../../libs/application/src/config';
import { EVENTS_TOPIC } from '../../../libs/messaging';

/** The relay's settings, read from the environment and checked before anything starts. */
export interface RelayConfig {
  brokers: string[];
  dataDir: string;
  topic: string;
  /** Partitions of the topic when the relay creates it (an existing topic is left as it is). */
  partitions: number;
  batchSize: number;
}

export const loadRelayConfig = (env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): RelayConfig => {
  const problems: string[] = [];
  const brokers = brokerList(env['KAFKA_BROKERS']);
  if (brokers.length === 0) problems.push('KAFKA_BROKERS must list the Kafka brokers as host:port, comma-separated (e.g. "127.0.0.1:9092")');
  for (const broker of brokers) if (!isBrokerAddress(broker)) problems.push(`KAFKA_BROKERS: "${broker}" is not host:port`);
  const dataDir = dataDirOf(problems, env, cwd);
  const topic = env['RELAY_TOPIC'] ?? EVENTS_TOPIC;
  if (!isKafkaTopic(topic)) problems.push(`RELAY_TOPIC must be 1–249 letters, digits, ".", "_" or "-", got "${topic}"`);
  const partitions = wholeNumber(problems, env, 'RELAY_PARTITIONS', '6', 1, 1000);
  const batchSize = wholeNumber(problems, env, 'RELAY_BATCH_SIZE', '500', 1, 10_000);
  if (problems.length > 0) throw new ConfigError(problems);
  return { brokers, dataDir, topic, partitions, batchSize };
};
