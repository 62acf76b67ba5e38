import { ConfigError, loadConfig, secretOf } from './config';

describe('configuration from the environment', () => {
  it('has defaults that start the embedded profile on port 3000 with ./data', () => {
    expect(loadConfig({}, '/srv/alveole')).toEqual({
      eventLog: { kind: 'sqlite' },
      readModels: { kind: 'sqlite' },
      kafkaBrokers: [],
      networkStatistics: { from: 'log' },
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/alveole/data',
      demo: true,
      projector: true,
      projectorBatchSize: 1000,
      bodyLimit: '10mb',
      access: { sessionHours: 8, secureCookies: false, corsOrigins: [], trustProxy: 0 },
    });
  });

  it('reads PORT, DATA_DIR, DEMO, PROJECTOR, PROJECTOR_BATCH_SIZE and BODY_LIMIT', () => {
    expect(loadConfig({ PORT: '8080', DATA_DIR: '/var/lib/alveole', DEMO: 'off', PROJECTOR: 'off', PROJECTOR_BATCH_SIZE: '50', BODY_LIMIT: '2mb' }, '/x')).toEqual({
      eventLog: { kind: 'sqlite' },
      readModels: { kind: 'sqlite' },
      kafkaBrokers: [],
      networkStatistics: { from: 'log' },
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/alveole',
      demo: false,
      projector: false,
      projectorBatchSize: 50,
      bodyLimit: '2mb',
      access: { sessionHours: 8, secureCookies: false, corsOrigins: [], trustProxy: 0 },
    });
  });

  it('reads how long sessions last, whether cookies are Secure, and which origins may call from a browser', () => {
    expect(loadConfig({ SESSION_HOURS: '12', SECURE_COOKIES: 'on', CORS_ORIGINS: 'https://cae.example.org, http://localhost:5173' }).access).toEqual({
      sessionHours: 12,
      secureCookies: true,
      corsOrigins: ['https://cae.example.org', 'http://localhost:5173'],
      trustProxy: 0,
    });
    expect(loadConfig({ TRUST_PROXY: '1' }).access.trustProxy).toBe(1);
    expect(() => loadConfig({ SESSION_HOURS: '0' })).toThrow('SESSION_HOURS must be a whole number of hours from 1 to 720, got "0"');
    expect(() => loadConfig({ CORS_ORIGINS: '*' })).toThrow('CORS_ORIGINS must be origins like https://app.example.org[,…], got "*"');
  });

  it('turns OpenID Connect on with OIDC_ISSUER, and says what it lacks', () => {
    const oidc = { OIDC_ISSUER: 'http://127.0.0.1:18080/realms/alveole', OIDC_CLIENT_ID: 'alveole-api', OIDC_CLIENT_SECRET: 'alveole-dev-secret', OIDC_REDIRECT_URI: 'http://localhost:3000/api/session/oidc/callback' };
    expect(loadConfig({}).access.oidc).toBeUndefined();
    expect(loadConfig(oidc).access.oidc).toMatchObject({ issuer: oidc.OIDC_ISSUER, clientId: 'alveole-api', clientSecret: 'alveole-dev-secret' });
    expect(() => loadConfig({ ...oidc, OIDC_CLIENT_SECRET: undefined })).toThrow('OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set');
  });

  it('reads a secret from NAME or from the file NAME_FILE, and says when both are set or the file is missing', () => {
    const files: Record<string, string> = { '/run/secrets/oidc': 's3cret\n' };
    const read = (path: string) => {
      if (!(path in files)) throw new Error('ENOENT');
      return files[path]!;
    };
    const problems: string[] = [];
    expect(secretOf(problems, { OIDC_CLIENT_SECRET: 'inline' }, 'OIDC_CLIENT_SECRET', read)).toBe('inline');
    expect(secretOf(problems, { OIDC_CLIENT_SECRET_FILE: '/run/secrets/oidc' }, 'OIDC_CLIENT_SECRET', read)).toBe('s3cret');
    expect(secretOf(problems, {}, 'OIDC_CLIENT_SECRET', read)).toBeUndefined();
    expect(problems).toEqual([]);
    secretOf(problems, { OIDC_CLIENT_SECRET: 'a', OIDC_CLIENT_SECRET_FILE: '/run/secrets/oidc' }, 'OIDC_CLIENT_SECRET', read);
    secretOf(problems, { OIDC_CLIENT_SECRET_FILE: '/nowhere' }, 'OIDC_CLIENT_SECRET', read);
    expect(problems).toEqual(['OIDC_CLIENT_SECRET and OIDC_CLIENT_SECRET_FILE are both set: keep one', 'OIDC_CLIENT_SECRET_FILE names a file that cannot be read: "/nowhere"']);
  });

  it('listens on the loopback interface unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    for (const host of ['0.0.0.0', '::', '::1', '192.168.1.20', 'localhost', 'api.internal']) expect(loadConfig({ HOST: host }).host).toBe(host);
    for (const host of ['', ' ', 'http://0.0.0.0', '0.0.0.0:3000', 'my host', '-api', 'a'.repeat(64)])
      expect(() => loadConfig({ HOST: host })).toThrow(`HOST must be an IP address or a host name to listen on, like 127.0.0.1, 0.0.0.0 or ::, got "${host}"`);
  });

  it('says everything that is wrong at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DEMO: 'maybe', DATA_DIR: ' ', BODY_LIMIT: 'lots' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PORT must be a TCP port number (1–65535), got "eighty"',
      'DATA_DIR must not be empty',
      'DEMO must be "on" or "off", got "maybe"',
      'BODY_LIMIT must look like "10mb" or "512kb", got "lots"',
    ]);
  });

  it('chooses the log, the read models and Kafka by environment, in any combination', () => {
    expect(
      loadConfig({ EVENT_LOG: 'eventstoredb', EVENTSTORE_URL: 'esdb://127.0.0.1:2113?tls=false', READ_MODELS: 'mongodb', MONGODB_URL: 'mongodb://127.0.0.1:27017', KAFKA_BROKERS: 'k1:9092, k2:9092' }),
    ).toMatchObject({
      eventLog: { kind: 'eventstoredb', url: 'esdb://127.0.0.1:2113?tls=false' },
      readModels: { kind: 'mongodb', url: 'mongodb://127.0.0.1:27017', database: 'alveole' },
      kafkaBrokers: ['k1:9092', 'k2:9092'],
    });
    expect(loadConfig({ READ_MODELS: 'mongodb', MONGODB_URL: 'mongodb://m:27017' })).toMatchObject({ eventLog: { kind: 'sqlite' }, readModels: { kind: 'mongodb' } });
  });

  it('says what is missing for a distributed profile', () => {
    expect(() => loadConfig({ EVENT_LOG: 'eventstoredb' })).toThrow(/EVENT_LOG=eventstoredb needs EVENTSTORE_URL/);
    expect(() => loadConfig({ READ_MODELS: 'mongodb', MONGODB_URL: 'http://x' })).toThrow(/READ_MODELS=mongodb needs MONGODB_URL/);
    expect(() => loadConfig({ EVENT_LOG: 'postgres' })).toThrow(/EVENT_LOG must be "sqlite" or "eventstoredb"/);
    expect(() => loadConfig({ KAFKA_BROKERS: 'localhost' })).toThrow(/KAFKA_BROKERS must be host:port/);
    expect(() => loadConfig({ NETWORK_STATISTICS_FROM: 'kafka' })).toThrow(/NETWORK_STATISTICS_FROM=kafka needs KAFKA_BROKERS/);
    expect(() => loadConfig({ NETWORK_STATISTICS_FROM: 'topic' })).toThrow(/NETWORK_STATISTICS_FROM must be "log" or "kafka"/);
    expect(() => loadConfig({ NETWORK_STATISTICS_FROM: 'kafka', KAFKA_BROKERS: 'k:9092', NETWORK_STATISTICS_TOPIC: 'a b' })).toThrow(/NETWORK_STATISTICS_TOPIC must be/);
  });

  it('projects the network statistics from the events topic as a consumer group when told to', () => {
    expect(loadConfig({ NETWORK_STATISTICS_FROM: 'kafka', KAFKA_BROKERS: 'k1:9092' }).networkStatistics).toEqual({
      from: 'kafka',
      topic: 'cae.events.v1',
      groupPrefix: 'alveole.network-statistics',
      fetchBytes: 1048576,
      sessionTimeoutMs: 30000,
    });
    expect(
      loadConfig({ NETWORK_STATISTICS_FROM: 'kafka', KAFKA_BROKERS: 'k1:9092', NETWORK_STATISTICS_TOPIC: 'net.events', NETWORK_STATISTICS_GROUP: 'stats', NETWORK_STATISTICS_FETCH_BYTES: '65536', NETWORK_STATISTICS_SESSION_TIMEOUT_MS: '10000' })
        .networkStatistics,
    ).toEqual({ from: 'kafka', topic: 'net.events', groupPrefix: 'stats', fetchBytes: 65536, sessionTimeoutMs: 10000 });
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be a TCP port number/);
  });
});
