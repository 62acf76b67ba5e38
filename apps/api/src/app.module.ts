import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Runtime } from '../../../libs/application';
import { CommandsController } from './commands.controller';
import { ExecuteCommandHandler } from './execute-commands';
import { HealthController } from './health.controller';
import { QueriesController } from './queries.controller';
import { RUNTIME } from './tokens';

@Module({})
export class AppModule {
  static with(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [CommandsController, QueriesController, HealthController],
      providers: [{ provide: RUNTIME, useValue: runtime }, ExecuteCommandHandler],
    };
  }
}
