import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Runtime } from '../../../libs/application';
import { AccessGuard } from './auth/access.guard';
import { AUTH, type AuthContext } from './auth/auth-context';
import { OidcLoginController } from './auth/oidc-login.controller';
import { SessionController } from './auth/session.controller';
import { TokensController } from './auth/tokens.controller';
import { AuditsController } from './audits.controller';
import { CommandsController } from './commands.controller';
import { QueriesController } from './queries.controller';
import { ExportsController } from './exports.controller';
import { QUERY_HANDLERS } from './queries/query-handlers';
import { RUNTIME } from './tokens';

/** Every controller of the API, in the order the routes are listed. */
export const CONTROLLERS = [SessionController, OidcLoginController, TokensController, CommandsController, QueriesController, ExportsController, AuditsController];

@Module({})
export class AppModule {
  static with(runtime: Runtime, auth: AuthContext): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: CONTROLLERS,
      // Queries travel on the QueryBus; commands go straight to the CommandService, the one path all types share.
      // One global guard: no route is reached before it has said who asks and whether the policy lets them.
      providers: [{ provide: RUNTIME, useValue: runtime }, { provide: AUTH, useValue: auth }, { provide: APP_GUARD, useClass: AccessGuard }, ...QUERY_HANDLERS],
    };
  }
}
