import { date, isAbsent, obj, oneOf, optional } from '../validation/schema';
import { id, type Infer } from '../validation/fields';
import { NOTHING } from '../validation/results';

/** The roles a CAE grants. */
export const ACCESS_ROLES = ['cae_staff', 'entrepreneur'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

/** The roles the network grants: they reach every CAE, so they are recorded in the network's scope. */
export const NETWORK_ROLES = ['network_admin', 'network_auditor'] as const;
export type NetworkRole = (typeof NETWORK_ROLES)[number];

// A closed list, not free text: the log is kept for ever, and a note could carry personal data no erasure reaches.
export const REVOCATION_REASONS = ['departure', 'role_change', 'security', 'request'] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

// An entrepreneur's grant reaches one entrepreneur, named by their id; a staff grant reaches the whole CAE.
const scopedByRole = ({ role }: { role?: AccessRole }, raw: Record<string, unknown>, report: (path: string, message: string) => void) => {
  if (role === undefined) return;
  if (role === 'entrepreneur' && isAbsent(raw['entrepreneurId'])) report('entrepreneurId', 'is required when role is entrepreneur');
  if (role !== 'entrepreneur' && !isAbsent(raw['entrepreneurId'])) report('entrepreneurId', `is not allowed when role is ${role}`);
};

// The account is named by its opaque id only: usernames and credentials live in libs/identity's store, never in the log.
export const grantAccessSchema = obj(
  { caeId: id(), accountId: id(), role: oneOf(ACCESS_ROLES), entrepreneurId: optional(id()), grantedOn: date() },
  scopedByRole,
);
export type GrantAccess = Infer<typeof grantAccessSchema>;

export const revokeAccessSchema = obj(
  { caeId: id(), accountId: id(), role: oneOf(ACCESS_ROLES), entrepreneurId: optional(id()), revokedOn: date(), reason: optional(oneOf(REVOCATION_REASONS)) },
  scopedByRole,
);
export type RevokeAccess = Infer<typeof revokeAccessSchema>;

export const grantNetworkRoleSchema = obj({ accountId: id(), role: oneOf(NETWORK_ROLES), grantedOn: date() });
export type GrantNetworkRole = Infer<typeof grantNetworkRoleSchema>;

export const revokeNetworkRoleSchema = obj({ accountId: id(), role: oneOf(NETWORK_ROLES), revokedOn: date(), reason: optional(oneOf(REVOCATION_REASONS)) });
export type RevokeNetworkRole = Infer<typeof revokeNetworkRoleSchema>;

export const grantAccessResult = NOTHING;
export const revokeAccessResult = NOTHING;

/** The data of this slice's commands, by type. */
export interface AccessCommands {
  GrantAccess: GrantAccess;
  RevokeAccess: RevokeAccess;
  GrantNetworkRole: GrantNetworkRole;
  RevokeNetworkRole: RevokeNetworkRole;
}
