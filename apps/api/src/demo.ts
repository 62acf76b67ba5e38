import type { Runtime } from '../../../libs/application';
import { validateEnvelope } from '../../../libs/domain';
import { demoNetwork } from '../../../libs/scenarios';

/** Imports the demo network into an empty log; a log that holds anything is left alone. */
export const seedDemoNetwork = async (runtime: Runtime, log: (message: string) => void): Promise<void> => {
  if ((await runtime.store.headPosition()) > 0) return;
  const envelopes = demoNetwork();
  log(`Empty data directory: importing the demo network (${envelopes.length} commands; DEMO=off to start empty)…`);
  let rejected = 0;
  for (const raw of envelopes) {
    const envelope = validateEnvelope(raw);
    const outcome = envelope.ok ? await runtime.commands.handle(envelope.value) : undefined;
    if (outcome?.status !== 'accepted' && outcome?.status !== 'duplicate') rejected++;
  }
  log(`Demo network imported: ${envelopes.length - rejected} commands accepted${rejected ? `, ${rejected} rejected` : ''}.`);
};
