import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Runtime } from '../../../libs/application';
import { AppModule } from './app.module';
import { HttpErrorFilter } from './http-exception.filter';
import { readJsonBodies } from './json-body';
import { setUpOpenApi } from './openapi';
import { answerUnparsedRequests } from './unparsed-request';

export interface AppOptions {
  bodyLimit?: string;
  logger?: boolean;
}

/** The HTTP app over a wired runtime; used by main.ts and by the end-to-end tests alike. */
export const createApp = async (runtime: Runtime, options: AppOptions = {}): Promise<NestExpressApplication> => {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(runtime), {
    bodyParser: false,
    logger: options.logger === false ? false : ['error', 'warn', 'log'],
  });
  readJsonBodies(app, options.bodyLimit ?? '10mb');
  app.useGlobalFilters(new HttpErrorFilter());
  answerUnparsedRequests(app.getHttpServer());
  setUpOpenApi(app);
  await app.init();
  return app;
};
