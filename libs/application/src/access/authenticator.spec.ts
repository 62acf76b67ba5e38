import { CredentialStore, InMemoryCredentialRows, type PasswordHasher } from '../../../identity';
import { Authenticator, narrowToScope, rolesOf, type OidcVerifier } from './authenticator';
import type { Grant, Identity } from './identity';

const ADMIN: Grant = { role: 'network_admin' };
const AUDITOR: Grant = { role: 'network_auditor' };
const STAFF_OWN: Grant = { role: 'cae_staff', caeId: 'coodyssee' };
const CAMILLE: Grant = { role: 'entrepreneur', caeId: 'coodyssee', entrepreneurId: 'e-001' };

describe('narrowToScope', () => {
  it('keeps what the account holds within the role and CAEs of the token', () => {
    expect(narrowToScope([STAFF_OWN, CAMILLE], { role: 'cae_staff', caes: ['coodyssee', 'oxalis'] })).toEqual([STAFF_OWN]);
    expect(narrowToScope([STAFF_OWN, CAMILLE], { role: 'entrepreneur', caes: ['coodyssee'] })).toEqual([CAMILLE]);
    expect(narrowToScope([STAFF_OWN], { role: 'cae_staff', caes: ['oxalis'] })).toEqual([]);
  });

  it('lets an admin\'s token act as a narrower role, never a wider one', () => {
    expect(narrowToScope([ADMIN], { role: 'cae_staff', caes: ['oxalis'] })).toEqual([{ role: 'cae_staff', caeId: 'oxalis' }]);
    expect(narrowToScope([ADMIN], { role: 'network_auditor', caes: [] })).toEqual([AUDITOR]);
    expect(narrowToScope([AUDITOR], { role: 'network_admin', caes: [] })).toEqual([]);
    expect(narrowToScope([AUDITOR], { role: 'cae_staff', caes: ['coodyssee'] })).toEqual([]);
    expect(narrowToScope([STAFF_OWN], { role: 'network_auditor', caes: [] })).toEqual([]);
    expect(narrowToScope([ADMIN], { role: 'janitor', caes: [] })).toEqual([]);
  });
});

describe('Authenticator', () => {
  const plain: PasswordHasher = { hash: async (p) => `h:${p}`, verify: async (h, p) => h === `h:${p}`, needsRehash: () => false };
  let store: CredentialStore;
  let grants: Grant[];
  let jwtIdentity: Identity | undefined;
  const oidc: OidcVerifier = {
    verifyBearer: async (token) => (token === 'boom' ? Promise.reject(new Error('provider down')) : token === 'a.b.c' ? jwtIdentity : undefined),
    beginLogin: async () => ({ url: 'https://idp/auth', pending: { state: 's', codeVerifier: 'v', nonce: 'n' } }),
    completeLogin: async () => ({ identity: jwtIdentity!, expiresAt: new Date(), accessToken: 'jwt' }),
  };
  let authenticator: Authenticator;
  beforeEach(() => {
    store = new CredentialStore(new InMemoryCredentialRows(), { hasher: plain });
    grants = [STAFF_OWN];
    jwtIdentity = { accountId: 'kc-1', username: 'kc', grants: [AUDITOR] };
    authenticator = new Authenticator({ credentials: store, grantsOf: async () => grants, oidc });
  });

  it('reads a session\'s account and its grants of today, on every call', async () => {
    const account = await store.createAccount('zoé', 'pw');
    const { secret, session } = await store.openSession(account.accountId);
    expect(await authenticator.authenticate(secret)).toEqual({ ok: true, via: 'session', sessionId: session.sessionId, expiresAt: session.expiresAt, identity: { accountId: account.accountId, username: 'zoé', grants: [STAFF_OWN] } });
    grants = [];
    expect(await authenticator.authenticate(secret)).toMatchObject({ ok: true, identity: { grants: [] } });
  });

  it('narrows an API token to its scope, and says why one is refused', async () => {
    const account = await store.createAccount('importer', 'pw');
    grants = [STAFF_OWN, CAMILLE];
    const { secret, token } = await store.issueToken(account.accountId, { role: 'cae_staff', caes: ['coodyssee'] }, '2099-01-01T00:00:00Z');
    expect(await authenticator.authenticate(secret)).toEqual({ ok: true, via: 'apiToken', tokenId: token.tokenId, identity: { accountId: account.accountId, username: 'importer', grants: [STAFF_OWN] } });
    await store.revokeToken(token.tokenId);
    expect(await authenticator.authenticate(secret)).toEqual({ ok: false, reason: 'revoked' });
  });

  it('hands anything else to the provider; a provider that fails or does not know it is an unknown token', async () => {
    expect(await authenticator.authenticate('a.b.c')).toEqual({ ok: true, via: 'oidc', identity: jwtIdentity });
    expect(await authenticator.authenticate('boom')).toEqual({ ok: false, reason: 'unknown' });
    expect(await authenticator.authenticate('x.y.z')).toEqual({ ok: false, reason: 'unknown' });
    expect(await new Authenticator({ credentials: store, grantsOf: async () => grants }).authenticate('a.b.c')).toEqual({ ok: false, reason: 'unknown' });
  });

  it('answers the roles once each, in the policy\'s order', () => {
    expect(rolesOf({ accountId: 'a', username: 'a', grants: [CAMILLE, STAFF_OWN, { role: 'cae_staff', caeId: 'oxalis' }, ADMIN] })).toEqual(['network_admin', 'cae_staff', 'entrepreneur']);
  });
});
