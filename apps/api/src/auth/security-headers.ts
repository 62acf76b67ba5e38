import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';

/**
 * helmet's headers, with a Content-Security-Policy the Swagger UI at /api/docs lives with: its scripts and styles
 * are files of this origin, it styles inline and shows inline images. No CORS header is ever set: the API answers
 * its own origin only.
 */
export const useSecurityHeaders = (app: NestExpressApplication, secure: boolean): void => {
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(secure ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      // HSTS over plain HTTP would only confuse a browser on a development machine.
      strictTransportSecurity: secure,
    }),
  );
};
