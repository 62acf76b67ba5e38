import type { Identity } from '../identity';
import { LazyOidcProvider, type OidcEndpoints } from './lazy-oidc-provider';
import { OidcLoginError } from './oidc-login-error';

const camille: Identity = { accountId: 'oidc:c', username: 'camille', grants: [] };

const working: OidcEndpoints = {
  verifyBearer: async (token) => (token === 'good' ? camille : undefined),
  beginLogin: async () => ({ url: 'https://idp.example/auth', pending: { state: 's', codeVerifier: 'v', nonce: 'n' } }),
  completeLogin: async () => ({ identity: camille, expiresAt: new Date(0), accessToken: 'jwt' }),
};

describe('LazyOidcProvider', () => {
  it('answers no identity and refuses logins while discovery fails, then works once the provider answers', async () => {
    let up = false;
    let attempts = 0;
    let clock = 0;
    const lazy = new LazyOidcProvider(
      async () => {
        attempts += 1;
        if (!up) throw new Error('ECONNREFUSED');
        return working;
      },
      1_000,
      () => clock,
    );
    expect(await lazy.verifyBearer('good')).toBeUndefined();
    await expect(lazy.beginLogin()).rejects.toBeInstanceOf(OidcLoginError);
    await expect(lazy.beginLogin()).rejects.toMatchObject({ code: 'OIDC_LOGIN_FAILED' });
    // Within retryAfterMs of a failure, no new attempt.
    expect(attempts).toBe(1);
    up = true;
    clock = 1_000;
    expect(await lazy.verifyBearer('good')).toEqual(camille);
    expect(await lazy.verifyBearer('bad')).toBeUndefined();
    expect((await lazy.beginLogin()).url).toBe('https://idp.example/auth');
    expect(attempts).toBe(2);
  });

  it('shares one discovery between concurrent requests', async () => {
    let attempts = 0;
    const lazy = new LazyOidcProvider(async () => {
      attempts += 1;
      return working;
    });
    const identities = await Promise.all([lazy.verifyBearer('good'), lazy.verifyBearer('good'), lazy.verifyBearer('good')]);
    expect(identities).toEqual([camille, camille, camille]);
    expect(attempts).toBe(1);
  });
});
