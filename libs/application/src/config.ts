import { isAbsolute, resolve } from 'node:path';

/** Where the log lives: the embedded SQLite file, or an EventStoreDB / KurrentDB server. */
export type EventLogConfig = { kind: 'sqlite' } | { kind: 'eventstoredb'; url: string };

/** Where the read models live: the embedded SQLite file, or a MongoDB-wire server. */
export type ReadModelsConfig = { kind: 'sqlite' } | { kind: 'mongodb'; url: string; database: string };

/**
 * Where the network statistics are projected from: the log (like every other projection), or the events topic
 * the relay fills, as a Kafka consumer group (distributed profile).
 */
export type NetworkStatisticsSource =
  | { from: 'log' }
  | { from: 'kafka'; topic: string; groupPrefix: string; fetchBytes: number; sessionTimeoutMs: number };

/** The settings of every app, read from the environment and checked before anything starts. */
export interface AppConfig {
  eventLog: EventLogConfig;
  readModels: ReadModelsConfig;
  /** Brokers of the Kafka cluster the relay publishes to (distributed profile); none in the embedded one. */
  kafkaBrokers: string[];
  networkStatistics: NetworkStatisticsSource;
  port: number;
  dataDir: string;
  /** Import a demo network into an empty data directory. */
  demo: boolean;
  /** Run the projector inside the API process (off when a separate projector process runs). */
  projector: boolean;
  /** Events per projector batch (one read-model transaction each). */
  projectorBatchSize: number;
  /** Largest request body accepted by the API (bytes). */
  bodyLimit: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

export const loadConfig = (env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig => {
  const problems: string[] = [];
  const portText = env['PORT'] ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) problems.push(`PORT must be a TCP port number (1–65535), got "${portText}"`);
  const dataDirText = env['DATA_DIR'] ?? 'data';
  if (dataDirText.trim() === '') problems.push('DATA_DIR must not be empty');
  const onOff = (name: string): boolean => {
    const text = (env[name] ?? 'on').toLowerCase();
    if (!['on', 'off', 'true', 'false', '1', '0'].includes(text)) problems.push(`${name} must be "on" or "off", got "${env[name]}"`);
    return ['on', 'true', '1'].includes(text);
  };
  const demo = onOff('DEMO');
  const projector = onOff('PROJECTOR');
  const batchText = env['PROJECTOR_BATCH_SIZE'] ?? '1000';
  const projectorBatchSize = Number(batchText);
  if (!/^\d+$/.test(batchText) || projectorBatchSize < 1 || projectorBatchSize > 100_000)
    problems.push(`PROJECTOR_BATCH_SIZE must be a whole number from 1 to 100000, got "${batchText}"`);
  const eventLog = ((): EventLogConfig => {
    const kind = env['EVENT_LOG'] ?? 'sqlite';
    if (kind === 'sqlite') return { kind };
    if (kind !== 'eventstoredb') {
      problems.push(`EVENT_LOG must be "sqlite" or "eventstoredb", got "${kind}"`);
      return { kind: 'sqlite' };
    }
    const url = env['EVENTSTORE_URL'] ?? '';
    if (!/^(esdb|kurrentdb|esdb\+discover|kurrentdb\+discover):\/\/\S+$/.test(url))
      problems.push(`EVENT_LOG=eventstoredb needs EVENTSTORE_URL, a connection string like esdb://127.0.0.1:2113?tls=false (got "${url}")`);
    return { kind, url };
  })();
  const readModels = ((): ReadModelsConfig => {
    const kind = env['READ_MODELS'] ?? 'sqlite';
    if (kind === 'sqlite') return { kind };
    if (kind !== 'mongodb') {
      problems.push(`READ_MODELS must be "sqlite" or "mongodb", got "${kind}"`);
      return { kind: 'sqlite' };
    }
    const url = env['MONGODB_URL'] ?? '';
    if (!/^mongodb(\+srv)?:\/\/\S+$/.test(url)) problems.push(`READ_MODELS=mongodb needs MONGODB_URL, like mongodb://127.0.0.1:27017 (got "${url}")`);
    const database = env['MONGODB_DATABASE'] ?? 'alveole';
    if (!/^[A-Za-z0-9_-]{1,63}$/.test(database)) problems.push(`MONGODB_DATABASE must be 1 to 63 letters, digits, "_" or "-", got "${database}"`);
    return { kind, url, database };
  })();
  const kafkaBrokers = (env['KAFKA_BROKERS'] ?? '').split(',').map((b) => b.trim()).filter((b) => b !== '');
  for (const broker of kafkaBrokers) if (!/^[A-Za-z0-9.-]+:\d{1,5}$/.test(broker)) problems.push(`KAFKA_BROKERS must be host:port[,host:port…], got "${broker}"`);
  const networkStatistics = ((): NetworkStatisticsSource => {
    const from = env['NETWORK_STATISTICS_FROM'] ?? 'log';
    if (from === 'log') return { from };
    if (from !== 'kafka') {
      problems.push(`NETWORK_STATISTICS_FROM must be "log" or "kafka", got "${from}"`);
      return { from: 'log' };
    }
    if (kafkaBrokers.length === 0) problems.push('NETWORK_STATISTICS_FROM=kafka needs KAFKA_BROKERS, host:port[,host:port…]');
    const topic = env['NETWORK_STATISTICS_TOPIC'] ?? 'cae.events.v1';
    if (!/^[a-zA-Z0-9._-]{1,249}$/.test(topic) || topic === '.' || topic === '..')
      problems.push(`NETWORK_STATISTICS_TOPIC must be 1–249 letters, digits, ".", "_" or "-", got "${topic}"`);
    const groupPrefix = env['NETWORK_STATISTICS_GROUP'] ?? 'alveole.network-statistics';
    if (!/^[a-zA-Z0-9._-]{1,200}$/.test(groupPrefix)) problems.push(`NETWORK_STATISTICS_GROUP must be 1–200 letters, digits, ".", "_" or "-", got "${groupPrefix}"`);
    const fetchText = env['NETWORK_STATISTICS_FETCH_BYTES'] ?? '1048576';
    const fetchBytes = Number(fetchText);
    if (!/^\d+$/.test(fetchText) || fetchBytes < 1024 || fetchBytes > 64 * 1024 * 1024)
      problems.push(`NETWORK_STATISTICS_FETCH_BYTES must be a whole number of bytes from 1024 to 67108864, got "${fetchText}"`);
    const sessionText = env['NETWORK_STATISTICS_SESSION_TIMEOUT_MS'] ?? '30000';
    const sessionTimeoutMs = Number(sessionText);
    // The broker refuses sessions outside group.min/max.session.timeout.ms (6 s and 30 min by default).
    if (!/^\d+$/.test(sessionText) || sessionTimeoutMs < 6000 || sessionTimeoutMs > 1_800_000)
      problems.push(`NETWORK_STATISTICS_SESSION_TIMEOUT_MS must be a whole number of milliseconds from 6000 to 1800000, got "${sessionText}"`);
    return { from, topic, groupPrefix, fetchBytes, sessionTimeoutMs };
  })();
  const bodyLimit = env['BODY_LIMIT'] ?? '10mb';
  if (!/^\d+(kb|mb)?$/i.test(bodyLimit)) problems.push(`BODY_LIMIT must look like "10mb" or "512kb", got "${bodyLimit}"`);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    eventLog,
    readModels,
    kafkaBrokers,
    networkStatistics,
    port,
    dataDir: isAbsolute(dataDirText) ? dataDirText : resolve(cwd, dataDirText),
    demo,
    projector,
    projectorBatchSize,
    bodyLimit,
  };
};
