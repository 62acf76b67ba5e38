import { openAccount, type Runtime } from '../../../libs/application';
import { validateEnvelope } from '../../../libs/domain';
import { DEMO_ACCOUNTS, demoNetwork, demoPassword } from '../../../libs/scenarios';

/** Imports the demo network into an empty log (a log that holds anything is left alone), then its accounts. */
export const seedDemoNetwork = async (runtime: Runtime, log: (message: string) => void): Promise<void> => {
  if ((await runtime.store.headPosition()) === 0) await importDemoNetwork(runtime, log);
  await seedDemoAccounts(runtime, log);
};

const importDemoNetwork = async (runtime: Runtime, log: (message: string) => void): Promise<void> => {
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

/** The demo's accounts, one per role, granted today; an account that exists already is left as it is. */
export const seedDemoAccounts = async (runtime: Runtime, log: (message: string) => void): Promise<void> => {
  const today = new Date().toISOString().slice(0, 10);
  const added: string[] = [];
  for (const { username, grant } of DEMO_ACCOUNTS) {
    if ((await runtime.credentials.findByUsername(username)) !== undefined) continue;
    await openAccount(runtime, { username, password: demoPassword(username), grants: [grant], on: today });
    added.push(`${username} (${grant.role})`);
  }
  if (added.length > 0) log(`Demo accounts, password demo-<username>: ${added.join(', ')}.`);
};
