import { COMMAND_TYPES, validateEnvelope } from '../../libs/domain';
import type { Runtime } from '../../libs/application';

/** Test and demo accounts log in with `demo-<username>` (the README's demo accounts too). */
export const passwordOf = (username: string): string => `demo-${username}`;

/** A grant as GrantAccess takes it, without its accountId. */
export type CaeGrant = { caeId: string; role: 'cae_staff'; grantedOn?: string } | { caeId: string; role: 'entrepreneur'; entrepreneurId: string; grantedOn?: string };
export type NetworkRole = 'network_admin' | 'network_auditor';

/** The day grants start from when a test does not say: before any story the tests tell. */
export const LONG_AGO = '2000-01-01';

let counter = 0;

const send = async (runtime: Runtime, type: string, data: Record<string, unknown>): Promise<void> => {
  const envelope = validateEnvelope({ type, commandId: `account-setup-${process.pid}-${++counter}`, data });
  if (!envelope.ok) throw new Error(`Invalid ${type}: ${envelope.error.message}`);
  const outcome = await runtime.commands.handle({ ...envelope.value, actor: 'test-setup' });
  if (outcome.status === 'rejected') throw new Error(`${type} rejected: ${outcome.error!.code} ${outcome.error!.message}`);
};

/** Whether the log can grant a network role yet (GrantNetworkRole, issue 11's grants work). */
export const networkRolesInLog = (COMMAND_TYPES as readonly string[]).includes('GrantNetworkRole');

/** A network role granted in the log, as an operator's first command would (straight to the command side). */
export const grantNetworkRole = (runtime: Runtime, accountId: string, role: NetworkRole, grantedOn = LONG_AGO): Promise<void> =>
  send(runtime, 'GrantNetworkRole', { accountId, role, grantedOn });

export const grantCaeAccess = (runtime: Runtime, accountId: string, grant: CaeGrant): Promise<void> =>
  send(runtime, 'GrantAccess', { accountId, grantedOn: LONG_AGO, ...grant });

/** An account with the demo password, and a session for it as a login would open. */
export const accountWithSession = async (runtime: Runtime, username: string): Promise<{ accountId: string; token: string }> => {
  const account = await runtime.credentials.createAccount(username, passwordOf(username));
  const { secret } = await runtime.credentials.openSession(account.accountId);
  return { accountId: account.accountId, token: secret };
};
