import { isAbsolute, resolve } from 'node:path';

/** The embedded profile's settings, read from the environment and checked before anything starts. */
export interface EmbeddedConfig {
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

export const loadConfig = (env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): EmbeddedConfig => {
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
  const bodyLimit = env['BODY_LIMIT'] ?? '10mb';
  if (!/^\d+(kb|mb)?$/i.test(bodyLimit)) problems.push(`BODY_LIMIT must look like "10mb" or "512kb", got "${bodyLimit}"`);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    dataDir: isAbsolute(dataDirText) ? dataDirText : resolve(cwd, dataDirText),
    demo,
    projector,
    projectorBatchSize,
    bodyLimit,
  };
};
