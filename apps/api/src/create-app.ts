import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { serveDashboard } from './dashboard';
import { grantsOf } from '../../../projections/access/queries';
import type { Grant, Runtime } from '../../../libs/application';
import { Authenticator, type OidcVerifier } from '../../../libs/application/src/access/authenticator';
import { AppModule } from './app.module';
import type { AuthContext } from './auth/auth-context';
import { LoginThrottle, type LoginThrottleOptions } from './auth/login-throttle';
import { useSecurityHeaders } from './auth/security-headers';
import { dayInFrance } from '../../../libs/domain/src/day-in-france';
import { HttpErrorFilter } from './http-exception.filter';
import { readJsonBodies } from './json-body';
import { setUpOpenApi } from './openapi';
import { answerUnparsedRequests } from './unparsed-request';

export interface AppOptions {
  bodyLimit?: string;
  logger?: boolean;
  /** Behind HTTPS (directly or through a proxy): cookies are Secure, HSTS is sent. */
  secureCookies?: boolean;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For names the client (the login throttle counts per client). */
  trustProxy?: boolean | number | string;
  /** The distributed profile's identity provider: its JWTs are accepted as Bearer tokens. */
  oidc?: OidcVerifier;
  loginThrottle?: LoginThrottleOptions;
  /** Origins a browser may call the API from (CORS, with credentials); none unless configured. */
  corsOrigins?: readonly string[];
  /** What "today" is for the grants in force; the system clock unless a test says otherwise. */
  clock?: () => Date;
  /** Where an account's grants on a day come from: the access read model (grantsOf, from the log) unless said. */
  grantsOf?: (accountId: string, today: string) => Promise<readonly Grant[]>;
}

/** The HTTP app over a wired runtime; used by main.ts and by the end-to-end tests alike. */
export const createApp = async (runtime: Runtime, options: AppOptions = {}): Promise<NestExpressApplication> => {
  const clock = options.clock ?? (() => new Date());
  const credentials = runtime.credentials;
  const fromLog = (accountId: string, today: string) => runtime.queries.run((models) => grantsOf(models, accountId, today));
  const grantsOfAccount = (accountId: string) => (options.grantsOf ?? fromLog)(accountId, dayInFrance(clock()));
  const auth: AuthContext = {
    authenticator: new Authenticator({ credentials, grantsOf: grantsOfAccount, ...(options.oidc && { oidc: options.oidc }) }),
    credentials,
    grantsOf: grantsOfAccount,
    throttle: new LoginThrottle(options.loginThrottle),
    cookies: { secure: options.secureCookies ?? false },
    ...(options.oidc && { oidc: options.oidc }),
  };
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(runtime, auth), {
    bodyParser: false,
    logger: options.logger === false ? false : ['error', 'warn', 'log'],
  });
  app.set('trust proxy', options.trustProxy ?? false);
  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) app.enableCors({ origin: [...options.corsOrigins], credentials: true });
  useSecurityHeaders(app, options.secureCookies ?? false);
  readJsonBodies(app, options.bodyLimit ?? '10mb');
  app.useGlobalFilters(new HttpErrorFilter());
  answerUnparsedRequests(app.getHttpServer());
  setUpOpenApi(app);
  serveDashboard(app);
  await app.init();
  return app;
};
