import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig, openConfigured, runUntilSignal } from '../../../libs/application';
import { ProjectorModule } from './projector.module';

/** The projector on its own, beside an API started with PROJECTOR=off (or to run projections on another host). */
runUntilSignal(async () => {
  const runtime = await openConfigured(loadConfig());
  const app = await NestFactory.createApplicationContext(ProjectorModule.with(runtime));
  return async () => {
    await app.close();
    await runtime.close();
  };
});
