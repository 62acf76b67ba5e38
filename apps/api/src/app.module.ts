import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Runtime } from '../../../libs/application';
import { CommandsController } from './commands.controller';
import { ExecuteCommandHandler } from './execute-commands';
import { QueriesController } from './queries.controller';
import { QUERY_HANDLERS } from './queries/query-handlers';
import { RUNTIME } from './tokens';

@Module({})
export class AppModule {
  static with(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [CommandsController, QueriesController],
      // ExecuteCommandHandler serves bench/ only (see execute-commands.ts); the API sends commands to the CommandService itself.
      providers: [{ provide: RUNTIME, useValue: runtime }, ...QUERY_HANDLERS, ExecuteCommandHandler],
    };
  }
}
