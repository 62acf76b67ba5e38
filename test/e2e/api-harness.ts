import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { openEmbedded, type Runtime } from '../../libs/application';
import { createApp } from '../../apps/api/src/create-app';

/** The real API over the embedded profile, on a fresh data directory. */
export interface Harness {
  dataDir: string;
  runtime: Runtime;
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  /** Closes the app and the runtime and opens them again on the same data directory. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const startHarness = async (): Promise<Harness> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'alveole-e2e-'));
  const harness = {
    dataDir,
    runtime: openEmbedded(dataDir),
  } as Harness;
  harness.app = await createApp(harness.runtime, { logger: false });
  harness.http = () => request(harness.app.getHttpServer());
  harness.restart = async () => {
    await harness.app.close();
    await harness.runtime.close();
    harness.runtime = openEmbedded(dataDir);
    harness.app = await createApp(harness.runtime, { logger: false });
  };
  harness.close = async () => {
    await harness.app.close();
    await harness.runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return harness;
};
