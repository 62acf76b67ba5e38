import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Runtime } from '../../../libs/application';
import { CommandsController } from './commands.controller';
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
      // Queries travel on the QueryBus; commands go straight to the CommandService, the one path all 19 types share.
      providers: [{ provide: RUNTIME, useValue: runtime }, ...QUERY_HANDLERS],
    };
  }
}
