import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, openConfigured } from '../../../libs/application';
import { ProjectorModule } from './projector.module';

/** The projector on its own, beside an API started with PROJECTOR=off (or to run projections on another host). */
const main = async (): Promise<void> => {
  const runtime = openConfigured(loadConfig());
  const app = await NestFactory.createApplicationContext(ProjectorModule.with(runtime));
  app.enableShutdownHooks();
  const close = async (): Promise<void> => {
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
