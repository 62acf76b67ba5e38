import { ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('has defaults that start the embedded profile on port 3000 with ./data', () => {
    expect(loadConfig({}, '/srv/alveole')).toEqual({ port: 3000, dataDir: '/srv/alveole/data', demo: true, projector: true, projectorBatchSize: 1000, bodyLimit: '10mb' });
  });

  it('reads PORT, DATA_DIR, DEMO, PROJECTOR, PROJECTOR_BATCH_SIZE and BODY_LIMIT', () => {
    expect(loadConfig({ PORT: '8080', DATA_DIR: '/var/lib/alveole', DEMO: 'off', PROJECTOR: 'off', PROJECTOR_BATCH_SIZE: '50', BODY_LIMIT: '2mb' }, '/x')).toEqual({
      port: 8080,
      dataDir: '/var/lib/alveole',
      demo: false,
      projector: false,
      projectorBatchSize: 50,
      bodyLimit: '2mb',
    });
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

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT must be a TCP port number/);
  });
});
