import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { openEmbedded, type Runtime } from '../../libs/application';
import { createApp } from '../../apps/api/src/create-app';

/** The real API over the embedded profile, with its in-process projector, on a fresh data directory. */
export interface Harness {
  dataDir: string;
  runtime: Runtime;
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  /** Applies every event appended so far to the read models (the live projector would, a moment later). */
  caughtUp(): Promise<void>;
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
  const boot = async (): Promise<void> => {
    await harness.runtime.projector.prepare();
    harness.runtime.projector.start();
    harness.app = await createApp(harness.runtime, { logger: false });
  };
  await boot();
  harness.http = () => request(harness.app.getHttpServer());
  harness.caughtUp = async () => {
    await harness.runtime.projector.catchUp();
  };
  harness.restart = async () => {
    await harness.app.close();
    await harness.runtime.close();
    harness.runtime = openEmbedded(dataDir);
    await boot();
  };
  harness.close = async () => {
    await harness.app.close();
    await harness.runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return harness;
};
