import { EVENTS_TOPIC } from '../../messaging/src/event-publisher';
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadOidcConfig, type OidcConfig } from './access/oidc/oidc-config';

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
  /** The address the API listens on: loopback unless told otherwise (a container sets 0.0.0.0). */
  host: string;
  dataDir: string;
  /** Import a demo network into an empty data directory. */
  demo: boolean;
  /** Run the projector inside the API process (off when a separate projector process runs). */
  projector: boolean;
  /** Events per projector batch (one read-model transaction each). */
  projectorBatchSize: number;
  /** Largest request body accepted by the API (bytes). */
  bodyLimit: string;
  /** How browsers and clients are let in: session length, cookies, the origins allowed to call from a browser. */
  access: AccessConfig;
}

export interface AccessConfig {
  /** A session (login) lasts this long, then a new login is needed. */
  sessionHours: number;
  /** Mark cookies Secure: on behind HTTPS (the browser then sends them over HTTPS only). */
  secureCookies: boolean;
  /** Origins a browser may call the API from (CORS); none by default, the dashboard being served by the API itself. */
  corsOrigins: string[];
  /** How many proxies in front of the API to trust for the client's address (X-Forwarded-For): 0, none. */
  trustProxy: number;
  /** The OpenID Connect provider whose JWTs are accepted (distributed profile), when OIDC_ISSUER is set. */
  oidc?: OidcConfig;
}

/**
 * A secret from the environment: NAME itself, or the content of the file NAME_FILE (Docker and Kubernetes secrets),
 * trailing newline dropped; both set is a mistake, reported.
 */
export const secretOf = (problems: string[], env: NodeJS.ProcessEnv, name: string, read: (path: string) => string = (path) => readFileSync(path, 'utf8')): string | undefined => {
  const file = env[`${name}_FILE`];
  if (file === undefined) return env[name];
  if (env[name] !== undefined) {
    problems.push(`${name} and ${name}_FILE are both set: keep one`);
    return env[name];
  }
  try {
    return read(file).replace(/\r?\n$/, '');
  } catch {
    problems.push(`${name}_FILE names a file that cannot be read: "${file}"`);
    return undefined;
  }
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

/** Kafka's own rule for topic names. */
export const isKafkaTopic = (name: string): boolean => /^[a-zA-Z0-9._-]{1,249}$/.test(name) && name !== '.' && name !== '..';

/** The brokers of a comma-separated list, blanks dropped. */
export const brokerList = (text: string | undefined): string[] =>
  (text ?? '').split(',').map((broker) => broker.trim()).filter((broker) => broker !== '');

/** A broker address: host:port, with a port in range. */
export const isBrokerAddress = (broker: string): boolean => /^[^\s:/,]+:\d{1,5}$/.test(broker) && Number(broker.split(':').pop()) <= 65535;

/** A whole number setting within [min, max]; a problem is noted (not thrown) so that all are reported at once. */
export const wholeNumber = (problems: string[], env: NodeJS.ProcessEnv, name: string, fallback: string, min: number, max: number, unit = ''): number => {
  const text = env[name] ?? fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max)
    problems.push(`${name} must be a whole number${unit ? ` of ${unit}` : ''} from ${min} to ${max}, got "${text}"`);
  return value;
};

/** An IP address, or a host name made of DNS labels (`localhost`, `api.internal`). */
export const isListenAddress = (host: string): boolean =>
  isIP(host) !== 0 || (host.length <= 253 && /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(host));

/** DATA_DIR, absolute (resolved against the working directory). */
export const dataDirOf = (problems: string[], env: NodeJS.ProcessEnv, cwd: string): string => {
  const text = env['DATA_DIR'] ?? 'data';
  if (text.trim() === '') problems.push('DATA_DIR must not be empty');
  return isAbsolute(text) ? text : resolve(cwd, text);
};

export const loadConfig = (env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig => {
  const problems: string[] = [];
  const portText = env['PORT'] ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) problems.push(`PORT must be a TCP port number (1–65535), got "${portText}"`);
  const host = env['HOST'] ?? '127.0.0.1';
  if (!isListenAddress(host)) problems.push(`HOST must be an IP address or a host name to listen on, like 127.0.0.1, 0.0.0.0 or ::, got "${host}"`);
  const dataDir = dataDirOf(problems, env, cwd);
  const onOff = (name: string, fallback = 'on'): boolean => {
    const text = (env[name] ?? fallback).toLowerCase();
    if (!['on', 'off', 'true', 'false', '1', '0'].includes(text)) problems.push(`${name} must be "on" or "off", got "${env[name]}"`);
    return ['on', 'true', '1'].includes(text);
  };
  const demo = onOff('DEMO');
  const projector = onOff('PROJECTOR');
  const projectorBatchSize = wholeNumber(problems, env, 'PROJECTOR_BATCH_SIZE', '1000', 1, 100_000);
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
  const kafkaBrokers = brokerList(env['KAFKA_BROKERS']);
  for (const broker of kafkaBrokers) if (!isBrokerAddress(broker)) problems.push(`KAFKA_BROKERS must be host:port[,host:port…], got "${broker}"`);
  const networkStatistics = ((): NetworkStatisticsSource => {
    const from = env['NETWORK_STATISTICS_FROM'] ?? 'log';
    if (from === 'log') return { from };
    if (from !== 'kafka') {
      problems.push(`NETWORK_STATISTICS_FROM must be "log" or "kafka", got "${from}"`);
      return { from: 'log' };
    }
    if (kafkaBrokers.length === 0) problems.push('NETWORK_STATISTICS_FROM=kafka needs KAFKA_BROKERS, host:port[,host:port…]');
    const topic = env['NETWORK_STATISTICS_TOPIC'] ?? EVENTS_TOPIC;
    if (!isKafkaTopic(topic)) problems.push(`NETWORK_STATISTICS_TOPIC must be 1–249 letters, digits, ".", "_" or "-", got "${topic}"`);
    const groupPrefix = env['NETWORK_STATISTICS_GROUP'] ?? 'alveole.network-statistics';
    if (!/^[a-zA-Z0-9._-]{1,200}$/.test(groupPrefix)) problems.push(`NETWORK_STATISTICS_GROUP must be 1–200 letters, digits, ".", "_" or "-", got "${groupPrefix}"`);
    const fetchBytes = wholeNumber(problems, env, 'NETWORK_STATISTICS_FETCH_BYTES', '1048576', 1024, 64 * 1024 * 1024, 'bytes');
    // The broker refuses sessions outside group.min/max.session.timeout.ms (6 s and 30 min by default).
    const sessionTimeoutMs = wholeNumber(problems, env, 'NETWORK_STATISTICS_SESSION_TIMEOUT_MS', '30000', 6000, 1_800_000, 'milliseconds');
    return { from, topic, groupPrefix, fetchBytes, sessionTimeoutMs };
  })();
  const bodyLimit = env['BODY_LIMIT'] ?? '10mb';
  if (!/^\d+(kb|mb)?$/i.test(bodyLimit)) problems.push(`BODY_LIMIT must look like "10mb" or "512kb", got "${bodyLimit}"`);
  const access = ((): AccessConfig => {
    const sessionHours = wholeNumber(problems, env, 'SESSION_HOURS', '8', 1, 24 * 30, 'hours');
    const corsOrigins = brokerList(env['CORS_ORIGINS']);
    for (const origin of corsOrigins) if (!/^https?:\/\/[^\s/]+$/.test(origin)) problems.push(`CORS_ORIGINS must be origins like https://app.example.org[,…], got "${origin}"`);
    const trustProxy = wholeNumber(problems, env, 'TRUST_PROXY', '0', 0, 10, 'proxies');
    // The client secret may come from a file (OIDC_CLIENT_SECRET_FILE), like any secret.
    const secret = secretOf(problems, env, 'OIDC_CLIENT_SECRET');
    const oidc = loadOidcConfig({ ...env, OIDC_CLIENT_SECRET: secret }, problems);
    return { sessionHours, secureCookies: onOff('SECURE_COOKIES', 'off'), corsOrigins, trustProxy, ...(oidc !== undefined && { oidc }) };
  })();
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    access,
    eventLog,
    readModels,
    kafkaBrokers,
    networkStatistics,
    port,
    host,
    dataDir,
    demo,
    projector,
    projectorBatchSize,
    bodyLimit,
  };
};
