import { validateEnvelope, type DomainError } from '../../../domain';
import type { Account } from '../../../identity';
import { grantsOf } from '../../../../projections/access/queries';
import type { Runtime } from '../runtime';
import type { Grant } from './identity';

/** A grant refused by the command side (an unknown CAE or entrepreneur, a grant already held…). */
export class AccountRefusedError extends Error {
  constructor(readonly error: DomainError) {
    super(`${error.code}: ${error.message}`);
    this.name = 'AccountRefusedError';
  }
}

/** The command recording one grant or its revocation; its commandId makes a retry of the same step a duplicate. */
const accessCommand = (accountId: string, grant: Grant, change: { on: string; revoke?: { reason?: string } }) => {
  const revoke = change.revoke !== undefined;
  const date = revoke ? { revokedOn: change.on, ...(change.revoke!.reason !== undefined && { reason: change.revoke!.reason }) } : { grantedOn: change.on };
  const scope = 'caeId' in grant ? `${grant.caeId}:${grant.role}${grant.role === 'entrepreneur' ? `:${grant.entrepreneurId}` : ''}` : grant.role;
  const network = !('caeId' in grant);
  const type = network ? (revoke ? 'RevokeNetworkRole' : 'GrantNetworkRole') : revoke ? 'RevokeAccess' : 'GrantAccess';
  return { type, commandId: `account:${accountId}:${revoke ? 'revoke' : 'grant'}:${scope}:${change.on}`, data: { accountId, ...grant, ...date } };
};

const record = async (runtime: Runtime, command: ReturnType<typeof accessCommand>): Promise<void> => {
  const envelope = validateEnvelope({ ...command, actor: 'cli' });
  if (!envelope.ok) throw new AccountRefusedError(envelope.error);
  const outcome = await runtime.commands.handle(envelope.value);
  if (outcome.status === 'rejected') throw new AccountRefusedError(outcome.error!);
};

/**
 * An operator's new account: its credentials in the credential store, its grants in the log from `on`. A grant
 * refused undoes the whole: the grants already recorded are revoked the same day and the credentials erased.
 */
export const openAccount = async (runtime: Runtime, request: { username: string; password: string; grants: readonly Grant[]; on: string }): Promise<Account> => {
  const account = await runtime.credentials.createAccount(request.username, request.password);
  const recorded: Grant[] = [];
  try {
    for (const grant of request.grants) {
      await record(runtime, accessCommand(account.accountId, grant, { on: request.on }));
      recorded.push(grant);
    }
  } catch (error) {
    for (const grant of recorded) await record(runtime, accessCommand(account.accountId, grant, { on: request.on, revoke: { reason: 'request' } })).catch(() => undefined);
    await runtime.credentials.forget(account.accountId);
    throw error;
  }
  return account;
};

/** The grants an account holds on `on`, from the access read model brought up to date with the log first. */
export const grantsInForce = async (runtime: Runtime, accountId: string, on: string): Promise<Grant[]> => {
  // Built (or rebuilt after an upgrade) and caught up, as the API would at start.
  await runtime.projector.prepare();
  return runtime.queries.run((models) => grantsOf(models, accountId, on));
};

/** Ends an account: every grant in force revoked in the log on `on`, its API tokens revoked, its login disabled. */
export const closeAccount = async (runtime: Runtime, username: string, change: { on: string; reason?: string }): Promise<{ account: Account; revoked: Grant[] } | undefined> => {
  const account = await runtime.credentials.findByUsername(username);
  if (account === undefined) return undefined;
  const revoked = await grantsInForce(runtime, account.accountId, change.on);
  for (const grant of revoked) await record(runtime, accessCommand(account.accountId, grant, { on: change.on, revoke: { ...(change.reason !== undefined && { reason: change.reason }) } }));
  for (const token of await runtime.credentials.listTokens(account.accountId)) if (token.revokedAt === undefined) await runtime.credentials.revokeToken(token.tokenId);
  if (account.disabledAt === undefined) await runtime.credentials.disable(account.accountId);
  return { account, revoked };
};
