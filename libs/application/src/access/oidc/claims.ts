/** An OpenID Connect token's claims read as an Alvéole identity: roles and CAEs come from the provider. */
import type { Grant, Identity } from '../identity';
import type { OidcClaimNames } from './oidc-config';

// A provider may send a single value as a string or as a one-element array; anything else counts as absent.
function strings(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string' && item !== '');
  return [];
}

/** The identity the claims describe, or undefined when they name no subject. Unknown roles are ignored. */
export function identityFromClaims(claims: Readonly<Record<string, unknown>>, names: OidcClaimNames): Identity | undefined {
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub === '') return undefined;
  const preferred = claims.preferred_username;
  const username = typeof preferred === 'string' && preferred !== '' ? preferred : sub;
  const roles = new Set(strings(claims[names.roles]));
  const caes = [...new Set(strings(claims[names.caes]))];
  const entrepreneurs = strings(claims[names.entrepreneur]);
  const grants: Grant[] = [];
  if (roles.has('network_admin')) grants.push({ role: 'network_admin' });
  if (roles.has('network_auditor')) grants.push({ role: 'network_auditor' });
  if (roles.has('cae_staff')) for (const caeId of caes) grants.push({ role: 'cae_staff', caeId });
  // An entrepreneur belongs to one CAE: with several (or none) the token cannot say which one, so no grant.
  if (roles.has('entrepreneur') && caes.length === 1 && entrepreneurs.length === 1) {
    grants.push({ role: 'entrepreneur', caeId: caes[0], entrepreneurId: entrepreneurs[0] });
  }
  return { accountId: `oidc:${sub}`, username, grants };
}
