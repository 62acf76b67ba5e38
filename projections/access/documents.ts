import type { AccessRole, IsoDate, NetworkRole, RevocationReason } from '../../libs/domain';

export const ACCESS = 'access';

/** Ids are `{caeId}:{key}`: a CAE's documents list together. */
export const docId = (caeId: string, key: string): string => `${caeId}:${key}`;

/** A registered CAE: an unknown one answers 404, a CAE without grants an empty register. */
export type CaeDoc = { caeId: string };

/** One grant as recorded, in log order; its revocation is written on it. */
export type GrantLine = {
  role: AccessRole;
  entrepreneurId: string | null;
  grantedOn: IsoDate;
  revokedOn: IsoDate | null;
  reason: RevocationReason | null;
};

export type AccountDoc = { caeId: string; accountId: string; grants: GrantLine[] };

/** An entrepreneur's stays in the CAE: an entrepreneur grant ends with the stay it was granted in. */
export type StaysDoc = { caeId: string; entrepreneurId: string; stays: { integratedOn: IsoDate; exitedOn: IsoDate | null }[] };

/** Every grant of one account, across CAEs, keyed by accountId: what a request's identity is resolved from. */
export type HolderDoc = { accountId: string; grants: HolderLine[] };

/** A grant of a CAE (caeId) or of the network (caeId null: a network role reaches every CAE). */
export type HolderLine = Omit<GrantLine, 'role'> & { role: AccessRole | NetworkRole; caeId: string | null };
