import { REVOCATION_REASONS, type AccessRole, type IsoDate, type RevocationReason } from '../../libs/domain';
import type { ReadModels } from '../projection';
import { ACCESS, docId, type AccountDoc, type CaeDoc, type GrantLine, type HolderDoc, type StaysDoc } from './documents';

/** Why a grant ended: its revocation's reason (`revoked` when none was given), or the entrepreneur's `exit`. */
export type EndReason = RevocationReason | 'revoked' | 'exit';
export const END_REASONS: readonly EndReason[] = [...REVOCATION_REASONS, 'revoked', 'exit'];

export interface AccessRegister {
  caeId: string;
  accounts: {
    accountId: string;
    grants: { role: AccessRole; entrepreneurId: string | null; grantedOn: IsoDate; endedOn: IsoDate | null; endReason: EndReason | null }[];
  }[];
}

/** The exit date of the stay a grant was made in (presentOn: integratedOn ≤ d < exitedOn), if it has ended. */
const exitEnding = (grant: GrantLine, stays: Map<string, StaysDoc['stays']>): IsoDate | null =>
  (grant.entrepreneurId === null ? undefined : stays.get(grant.entrepreneurId))?.find((s) => s.integratedOn <= grant.grantedOn && (s.exitedOn === null || grant.grantedOn < s.exitedOn))
    ?.exitedOn ?? null;

/** A grant's end: the earlier of its revocation and the exit ending it. */
const ended = (grant: GrantLine, stays: Map<string, StaysDoc['stays']>): { endedOn: IsoDate | null; endReason: EndReason | null } => {
  const exitedOn = exitEnding(grant, stays);
  if (grant.revokedOn !== null && (exitedOn === null || grant.revokedOn <= exitedOn)) return { endedOn: grant.revokedOn, endReason: grant.reason ?? 'revoked' };
  return exitedOn === null ? { endedOn: null, endReason: null } : { endedOn: exitedOn, endReason: 'exit' };
};

/** GET /api/caes/{caeId}/access — every account that held access, by accountId, its grants in log order; undefined: unknown CAE. */
export const accessRegister = async (models: ReadModels, caeId: string): Promise<AccessRegister | undefined> => {
  if (((await models.get(ACCESS, 'caes', caeId)) as CaeDoc | undefined) === undefined) return undefined;
  const accounts = (await models.list(ACCESS, 'accounts', { caeId })) as AccountDoc[];
  const stays = new Map(((await models.list(ACCESS, 'stays', { caeId })) as StaysDoc[]).map((s) => [s.entrepreneurId, s.stays]));
  return {
    caeId,
    accounts: accounts.map((a) => ({
      accountId: a.accountId,
      grants: a.grants.map((g) => ({ role: g.role, entrepreneurId: g.entrepreneurId, grantedOn: g.grantedOn, ...ended(g, stays) })),
    })),
  };
};

/** A grant in force, as the access policy reads it (libs/application/src/access/identity.ts's Grant). */
export type GrantInForce =
  | { role: 'network_admin' }
  | { role: 'network_auditor' }
  | { role: 'cae_staff'; caeId: string }
  | { role: 'entrepreneur'; caeId: string; entrepreneurId: string };

/** The grants an account holds on `today`: granted on or before it, not ended by then (an end date is exclusive). */
export const grantsOf = async (models: ReadModels, accountId: string, today: IsoDate): Promise<GrantInForce[]> => {
  const holder = (await models.get(ACCESS, 'holders', accountId)) as HolderDoc | undefined;
  const inForce: GrantInForce[] = [];
  for (const line of holder?.grants ?? []) {
    if (line.grantedOn > today) continue;
    if (line.caeId === null || line.role === 'network_admin' || line.role === 'network_auditor') {
      if (line.revokedOn === null || today < line.revokedOn) inForce.push({ role: line.role as 'network_admin' | 'network_auditor' });
      continue;
    }
    const caeId = line.caeId;
    const stays = line.entrepreneurId === null ? undefined : ((await models.get(ACCESS, 'stays', docId(caeId, line.entrepreneurId))) as StaysDoc | undefined);
    const { endedOn } = ended({ ...line, role: line.role }, new Map(stays ? [[stays.entrepreneurId, stays.stays]] : []));
    if (endedOn !== null && endedOn <= today) continue;
    inForce.push(line.role === 'entrepreneur' ? { role: 'entrepreneur', caeId, entrepreneurId: line.entrepreneurId! } : { role: 'cae_staff', caeId });
  }
  return inForce;
};
