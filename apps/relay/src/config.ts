import { isAbsolute, resolve } from 'node:path';
import { ConfigError } from '../../../libs/application/src/config';
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

const wholeNumber = (problems: string[], env: NodeJS.ProcessEnv, name: string, fallback: string, max: number): number => {
  const text = env[name] ?? fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > max) problems.push(`${name} must be a whole number from 1 to ${max}, got "${text}"`);
  return value;
};

export const loadRelayConfig = (env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): RelayConfig => {
  const problems: string[] = [];
  const brokersText = env['KAFKA_BROKERS'] ?? '';
  const brokers = brokersText.split(',').map((broker) => broker.trim()).filter((broker) => broker !== '');
  if (brokers.length === 0) problems.push('KAFKA_BROKERS must list the Kafka brokers as host:port, comma-separated (e.g. "127.0.0.1:9092")');
  for (const broker of brokers)
    if (!/^[^\s:/]+:\d{1,5}$/.test(broker) || Number(broker.split(':').pop()) > 65535)
      problems.push(`KAFKA_BROKERS: "${broker}" is not host:port`);
  const dataDirText = env['DATA_DIR'] ?? 'data';
  if (dataDirText.trim() === '') problems.push('DATA_DIR must not be empty');
  const topic = env['RELAY_TOPIC'] ?? EVENTS_TOPIC;
  // Kafka's own rule for topic names.
  if (!/^[a-zA-Z0-9._-]{1,249}$/.test(topic) || topic === '.' || topic === '..')
    problems.push(`RELAY_TOPIC must be 1–249 letters, digits, ".", "_" or "-", got "${topic}"`);
  const partitions = wholeNumber(problems, env, 'RELAY_PARTITIONS', '6', 1000);
  const batchSize = wholeNumber(problems, env, 'RELAY_BATCH_SIZE', '500', 10_000);
  if (problems.length > 0) throw new ConfigError(problems);
  return { brokers, dataDir: isAbsolute(dataDirText) ? dataDirText : resolve(cwd, dataDirText), topic, partitions, batchSize };
};
