import { ConfigError, loadConfig, openEmbedded } from '../../../libs/application';
import { createApp } from './create-app';
import { seedDemoNetwork } from './demo';

const main = async (): Promise<void> => {
  const config = loadConfig();
  const runtime = openEmbedded(config.dataDir);
  if (config.demo) await seedDemoNetwork(runtime, (message) => console.log(message));
  if (config.projector) {
    await runtime.projector.prepare(({ projection, position, head }) => {
      if (position === head) console.log(`Read models: ${projection} built (${head} events).`);
    });
    runtime.projector.start();
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
