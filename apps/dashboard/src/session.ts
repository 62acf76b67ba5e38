import type { Me } from './api.js';

/** Who is logged in, for the pages that show or hide what a role may do (the API decides; this only mirrors it). */
let me: Me | undefined;

export const setSession = (next: Me): void => {
  me = next;
};

/** The support team's commands: a network admin sends them for every CAE, a CAE's staff for their own. */
export const maySend = (caeId: string): boolean =>
  me !== undefined && (me.roles.includes('network_admin') || me.grants.some((grant) => grant.role === 'cae_staff' && grant.caeId === caeId));
