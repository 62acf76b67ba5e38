import { loadConfig, openConfigured, runUntilSignal } from '../../../libs/application';
import { LazyOidcProvider } from '../../../libs/application/src/access/oidc/lazy-oidc-provider';
import { OidcProvider } from '../../../libs/application/src/access/oidc/oidc-provider';
import { createApp } from './create-app';
import { seedDemoNetwork } from './demo';

runUntilSignal(async () => {
  const config = loadConfig();
  const runtime = await openConfigured(config);
  if (config.demo) await seedDemoNetwork(runtime, (message) => console.log(message));
  if (config.projector) {
    for (const line of await runtime.startProjections()) console.log(`Read models up to date: ${line}.`);
  }
  const app = await createApp(runtime, {
    bodyLimit: config.bodyLimit,
    secureCookies: config.access.secureCookies,
    trustProxy: config.access.trustProxy,
    corsOrigins: config.access.corsOrigins,
    // Discovered on first use and again after a failure: the API starts, and recovers, while the provider is down.
    ...(config.access.oidc !== undefined && { oidc: new LazyOidcProvider(() => OidcProvider.discover(config.access.oidc!)) }),
  });
  await app.listen(config.port, config.host);
  const address = config.host.includes(':') ? `[${config.host}]` : config.host;
  console.log(`Alvéole is listening on http://${address}:${config.port} (data in ${config.dataDir}); API docs at /api/docs`);
  return async () => {
    await app.close();
    await runtime.close();
  };
});
