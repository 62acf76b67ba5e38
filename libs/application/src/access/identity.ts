/** Who is asking: an authenticated account and the grants it holds (each grant in the log, see issue 11). */

export const ROLES = ['network_admin', 'network_auditor', 'cae_staff', 'entrepreneur'] as const;
export type Role = (typeof ROLES)[number];

/** One role, with the CAE (and for an entrepreneur, the entrepreneur) it reaches; network roles reach every CAE. */
export type Grant =
  | { role: 'network_admin' }
  | { role: 'network_auditor' }
  | { role: 'cae_staff'; caeId: string }
  | { role: 'entrepreneur'; caeId: string; entrepreneurId: string };

export interface Identity {
  accountId: string;
  username: string;
  grants: readonly Grant[];
}
