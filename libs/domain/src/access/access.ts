import { caeNotFound, decided, type Decided, type DecisionState } from '../command-handling/decision';
import { defineCommand, type CommandDefinitions } from '../command-handling/define-command';
import { isRefusal, known, presentOn, type Refusal } from '../entrepreneur/presence';
import { isPresentOn, type EntrepreneurState } from '../entrepreneur/state';
import { refuse } from '../errors';
import type { Nothing } from '../validation/results';
import { accessStream, NETWORK_SCOPE } from '../streams';
import type { IsoDate } from '../values';
import {
  grantAccessResult,
  grantAccessSchema,
  grantNetworkRoleSchema,
  revokeAccessResult,
  revokeAccessSchema,
  revokeNetworkRoleSchema,
  type AccessCommands,
  type GrantAccess,
  type GrantNetworkRole,
  type RevokeAccess,
  type RevokeNetworkRole,
} from './commands';
import { scopeOf, type AccessState, type RecordedGrant } from './state';

/** Who may act for a CAE, granted and revoked by commands so that the log says who could do what, and since when. */

type Scoped = { caeId: string; accountId: string; role: RecordedGrant['role']; entrepreneurId?: string };

/** A network role, in the network's scope: it reaches every CAE, so no CAE is named. */
const inNetwork = (c: GrantNetworkRole | RevokeNetworkRole): Scoped => ({ caeId: NETWORK_SCOPE, accountId: c.accountId, role: c.role });

/** accessInForce: a staff grant lasts until revoked; an entrepreneur's also ends with their integration (their exit). */
const inForceOn = (grant: RecordedGrant | undefined, entrepreneur: EntrepreneurState | undefined, day: IsoDate): boolean => {
  if (grant === undefined) return false;
  if (grant.role !== 'entrepreneur') return true;
  return entrepreneur?.integratedOn !== undefined && grant.grantedOn >= entrepreneur.integratedOn && isPresentOn(entrepreneur, day);
};

/** The entrepreneur an entrepreneur grant names (known to the CAE, and present on `day` for a grant); none for staff. */
const entrepreneurOf = (c: Scoped, s: DecisionState, day: IsoDate, mustBePresent: boolean): EntrepreneurState | Refusal | undefined => {
  if (c.role !== 'entrepreneur') return undefined;
  const named = { caeId: c.caeId, entrepreneurId: c.entrepreneurId! };
  return mustBePresent ? presentOn(named, s, day) : known(named, s);
};

/** accessChronology: an account's grants and revocations are recorded in date order. */
const outOfOrder = (c: Scoped, access: AccessState | undefined, day: IsoDate): Refusal | undefined =>
  access?.lastFactOn !== undefined && day < access.lastFactOn
    ? refuse('DATE_OUT_OF_ORDER', `The access of account ${c.accountId} is recorded in date order: its last grant or revocation is on ${access.lastFactOn}.`, {
        date: day,
        lastFactOn: access.lastFactOn,
      })
    : undefined;

const scopeText = (c: Scoped): string => (c.role === 'entrepreneur' ? `entrepreneur ${c.entrepreneurId}` : c.role);

const emit = (c: Scoped, event: Parameters<typeof decided>[0][number]['event']) => ({ streamId: accessStream(c.caeId, c.accountId), event });

export const grantAccess = (c: GrantAccess, s: DecisionState): Decided<Nothing> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const entrepreneur = entrepreneurOf(c, s, c.grantedOn, true);
  if (entrepreneur !== undefined && isRefusal(entrepreneur)) return entrepreneur;
  const late = outOfOrder(c, s.access, c.grantedOn);
  if (late) return late;
  const held = s.access?.grants[scopeOf(c)];
  if (inForceOn(held, entrepreneur, c.grantedOn))
    return refuse('ACCESS_ALREADY_GRANTED', `Account ${c.accountId} already holds the ${scopeText(c)} access since ${held!.grantedOn}.`, { grantedOn: held!.grantedOn });
  const { caeId, accountId, role, entrepreneurId, grantedOn } = c;
  return decided([emit(c, { type: 'AccessGranted', data: { caeId, accountId, role, grantedOn, ...(entrepreneurId !== undefined && { entrepreneurId }) } })]);
};

export const revokeAccess = (c: RevokeAccess, s: DecisionState): Decided<Nothing> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const entrepreneur = entrepreneurOf(c, s, c.revokedOn, false);
  if (entrepreneur !== undefined && isRefusal(entrepreneur)) return entrepreneur;
  const late = outOfOrder(c, s.access, c.revokedOn);
  if (late) return late;
  if (!inForceOn(s.access?.grants[scopeOf(c)], entrepreneur, c.revokedOn))
    return refuse('ACCESS_NOT_GRANTED', `Account ${c.accountId} holds no ${scopeText(c)} access on ${c.revokedOn} (never granted, revoked, or ended by the exit).`);
  const { caeId, accountId, role, entrepreneurId, revokedOn, reason } = c;
  return decided([
    emit(c, {
      type: 'AccessRevoked',
      data: { caeId, accountId, role, revokedOn, ...(entrepreneurId !== undefined && { entrepreneurId }), ...(reason !== undefined && { reason }) },
    }),
  ]);
};

/** A network role is granted once at a time (accessInForce), its facts in date order (accessChronology). */
export const grantNetworkRole = (c: GrantNetworkRole, s: DecisionState): Decided<Nothing> => {
  const scoped = inNetwork(c);
  const late = outOfOrder(scoped, s.access, c.grantedOn);
  if (late) return late;
  const held = s.access?.grants[scopeOf(c)];
  if (held !== undefined) return refuse('ACCESS_ALREADY_GRANTED', `Account ${c.accountId} already holds the ${c.role} role since ${held.grantedOn}.`, { grantedOn: held.grantedOn });
  const { accountId, role, grantedOn } = c;
  return decided([emit(scoped, { type: 'NetworkRoleGranted', data: { accountId, role, grantedOn } })]);
};

export const revokeNetworkRole = (c: RevokeNetworkRole, s: DecisionState): Decided<Nothing> => {
  const scoped = inNetwork(c);
  const late = outOfOrder(scoped, s.access, c.revokedOn);
  if (late) return late;
  if (s.access?.grants[scopeOf(c)] === undefined) return refuse('ACCESS_NOT_GRANTED', `Account ${c.accountId} holds no ${c.role} role on ${c.revokedOn} (never granted, or revoked).`);
  const { accountId, role, revokedOn, reason } = c;
  return decided([emit(scoped, { type: 'NetworkRoleRevoked', data: { accountId, role, revokedOn, ...(reason !== undefined && { reason }) } })]);
};

const networkPlan = (c: GrantNetworkRole | RevokeNetworkRole) => ({ caeId: NETWORK_SCOPE, accountId: c.accountId, writes: ['access'] as const });

// One stream per account and CAE: grants to different people never wait on each other nor on the CAE's stream.
const accessPlan = (c: Scoped) => ({ caeId: c.caeId, accountId: c.accountId, ...(c.entrepreneurId !== undefined && { entrepreneurId: c.entrepreneurId }), writes: ['access'] as const });

export const ACCESS_COMMANDS: CommandDefinitions<AccessCommands> = {
  GrantAccess: defineCommand(grantAccessSchema, { result: grantAccessResult, plan: accessPlan, decide: grantAccess }),
  RevokeAccess: defineCommand(revokeAccessSchema, { result: revokeAccessResult, plan: accessPlan, decide: revokeAccess }),
  GrantNetworkRole: defineCommand(grantNetworkRoleSchema, { result: grantAccessResult, plan: networkPlan, decide: grantNetworkRole }),
  RevokeNetworkRole: defineCommand(revokeNetworkRoleSchema, { result: revokeAccessResult, plan: networkPlan, decide: revokeNetworkRole }),
};
