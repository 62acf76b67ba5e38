import { ConfigError, loadConfig, openConfigured } from '../../../libs/application';
import { createApp } from './create-app';
import { seedDemoNetwork } from './demo';

const main = async (): Promise<void> => {
  const config = loadConfig();
  const runtime = openConfigured(config);
  if (config.demo) await seedDemoNetwork(runtime, (message) => console.log(message));
  if (config.projector) {
    await runtime.projector.prepare();
    runtime.projector.start();
    const lags = await runtime.projector.lag();
    console.log(`Read models up to date with the log (${lags[0]?.head ?? 0} events): ${lags.map((l) => l.projection).join(', ')}.`);
  }
  const app = await createApp(runtime, { bodyLimit: config.bodyLimit });
  app.enableShutdownHooks();
  const close = async (): Promise<void> => {
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  await app.listen(config.port);
  console.log(`Alvéole is listening on http://localhost:${config.port} (data in ${config.dataDir}); API docs at /api/docs`);
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
