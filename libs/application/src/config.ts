import { isAbsolute, resolve } from 'node:path';

/** Where the log lives: the embedded SQLite file, or an EventStoreDB / KurrentDB server. */
export type EventLogConfig = { kind: 'sqlite' } | { kind: 'eventstoredb'; url: string };

/** Where the read models live: the embedded SQLite file, or a MongoDB-wire server. */
export type ReadModelsConfig = { kind: 'sqlite' } | { kind: 'mongodb'; url: string; database: string };

/** The settings of every app, read from the environment and checked before anything starts. */
export interface AppConfig {
  eventLog: EventLogConfig;
  readModels: ReadModelsConfig;
  /** Brokers of the Kafka cluster the relay publishes to (distributed profile); none in the embedded one. */
  kafkaBrokers: string[];
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
  const bodyLimit = env['BODY_LIMIT'] ?? '10mb';
  if (!/^\d+(kb|mb)?$/i.test(bodyLimit)) problems.push(`BODY_LIMIT must look like "10mb" or "512kb", got "${bodyLimit}"`);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    eventLog,
    readModels,
    kafkaBrokers,
    port,
    dataDir: isAbsolute(dataDirText) ? dataDirText : resolve(cwd, dataDirText),
    demo,
    projector,
    projectorBatchSize,
    bodyLimit,
  };
};
