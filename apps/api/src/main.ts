import { loadConfig, openConfigured, runUntilSignal } from '../../../libs/application';
import { createApp } from './create-app';
import { seedDemoNetwork } from './demo';

runUntilSignal(async () => {
  const config = loadConfig();
  const runtime = await openConfigured(config);
  if (config.demo) await seedDemoNetwork(runtime, (message) => console.log(message));
  if (config.projector) {
    await runtime.startProjections();
    const lags = await runtime.projector.lag();
    console.log(`Read models up to date with the log (${lags[0]?.head ?? 0} events): ${lags.map((l) => l.projection).join(', ')}.`);
    for (const feed of runtime.feeds) console.log(`${feed.projection.name}: consuming topic ${feed.topic} as group ${feed.group}.`);
  }
  const app = await createApp(runtime, { bodyLimit: config.bodyLimit });
  await app.listen(config.port);
  console.log(`Alvéole is listening on http://localhost:${config.port} (data in ${config.dataDir}); API docs at /api/docs`);
  return async () => {
    await app.close();
    await runtime.close();
  };
});
