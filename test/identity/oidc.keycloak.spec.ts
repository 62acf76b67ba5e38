import type { Grant } from '../../libs/application/src/access/identity';
import type { OidcConfig } from '../../libs/application/src/access/oidc/oidc-config';
import { OidcLoginError } from '../../libs/application/src/access/oidc/oidc-login-error';
import { OidcProvider } from '../../libs/application/src/access/oidc/oidc-provider';

const KEYCLOAK_URL = process.env.KEYCLOAK_URL;

/*
 * Against a real Keycloak with the realm of scripts/servers/keycloak/realm-alveole.json, when KEYCLOAK_URL is set
 * (start one with scripts/servers/keycloak/start.sh). Tokens come from the password grant the test client allows,
 * and the browser's code + PKCE flow is driven through Keycloak's own login form.
 */
if (KEYCLOAK_URL !== undefined && KEYCLOAK_URL !== '') {
  describeAgainstKeycloak(KEYCLOAK_URL.replace(/\/+$/, ''));
} else {
  describe.skip('OIDC against Keycloak — skipped: set KEYCLOAK_URL (e.g. http://127.0.0.1:18080, started by scripts/servers/keycloak/start.sh) to run it', () => {
    it('verifies Keycloak tokens and completes a code + PKCE login', () => undefined);
  });
}

interface TokenResponse {
  access_token: string;
  id_token: string;
}

function describeAgainstKeycloak(keycloakUrl: string): void {
  const config: OidcConfig = {
    issuer: `${keycloakUrl}/realms/alveole`,
    clientId: 'alveole-api',
    clientSecret: 'alveole-dev-secret',
    // Any loopback port is a registered redirect; nothing needs to listen there, the test reads the Location header.
    redirectUri: 'http://127.0.0.1:3999/api/session/oidc/callback',
    audience: 'alveole-api',
    claims: { roles: 'alveole_roles', caes: 'alveole_caes', entrepreneur: 'alveole_entrepreneur' },
  };
  let provider: OidcProvider;
  let tokenEndpoint: string;

  beforeAll(async () => {
    provider = await OidcProvider.discover(config);
    const discovery = (await (await fetch(`${config.issuer}/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
    tokenEndpoint = discovery.token_endpoint;
  });

  async function passwordGrant(username: string, clientId = 'alveole-api'): Promise<TokenResponse> {
    const body = new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password: `demo-${username}`, scope: 'openid' });
    if (clientId === 'alveole-api') body.set('client_secret', 'alveole-dev-secret');
    const response = await fetch(tokenEndpoint, { method: 'POST', body });
    expect(response.status).toBe(200);
    return (await response.json()) as TokenResponse;
  }

  describe('bearer tokens', () => {
    it.each<[string, Grant[]]>([
      ['admin', [{ role: 'network_admin' }]],
      ['auditor', [{ role: 'network_auditor' }]],
      ['staff-coodyssee', [{ role: 'cae_staff', caeId: 'coodyssee' }]],
      ['camille', [{ role: 'entrepreneur', caeId: 'coodyssee', entrepreneurId: 'esa-01' }]],
    ])('verifies the access token of %s with the grants of its claims', async (username, grants) => {
      const { access_token } = await passwordGrant(username);
      const identity = await provider.verifyBearer(access_token);
      expect(identity).toEqual({ accountId: expect.stringMatching(/^oidc:[0-9a-f-]{36}$/), username, grants });
    });

    it('refuses a token whose signature has one byte flipped', async () => {
      const { access_token } = await passwordGrant('admin');
      const [header, payload, signature] = access_token.split('.');
      const bytes = Buffer.from(signature, 'base64url');
      bytes[10] ^= 0x01;
      expect(await provider.verifyBearer(`${header}.${payload}.${bytes.toString('base64url')}`)).toBeUndefined();
    });

    it('refuses the same claims unsigned (alg none)', async () => {
      const { access_token } = await passwordGrant('admin');
      const payload = access_token.split('.')[1];
      const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      expect(await provider.verifyBearer(`${none}.${payload}.`)).toBeUndefined();
    });

    it('refuses a token of another audience (the same token passes for its own)', async () => {
      const { access_token } = await passwordGrant('admin');
      const elsewhere = await OidcProvider.discover({ ...config, clientId: 'another-client', audience: 'another-api' });
      expect(await provider.verifyBearer(access_token)).toBeDefined();
      expect(await elsewhere.verifyBearer(access_token)).toBeUndefined();
    });

    it('refuses a token issued to another client of the realm, and an ID token used as a bearer', async () => {
      const adminCli = await passwordGrant('admin', 'admin-cli');
      expect(await provider.verifyBearer(adminCli.access_token)).toBeUndefined();
      const { id_token } = await passwordGrant('admin');
      expect(await provider.verifyBearer(id_token)).toBeUndefined();
    });

    it('refuses what is not a token at all', async () => {
      for (const junk of ['', 'alv_not-a-jwt', 'a.b.c', '...', 'x'.repeat(20_000)]) {
        expect(await provider.verifyBearer(junk)).toBeUndefined();
      }
    });
  });

  describe('browser login (authorization code + PKCE)', () => {
    it('logs camille in through the login form and reads her identity from the access token', async () => {
      const { url, pending } = await provider.beginLogin();
      const authorization = new URL(url);
      expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorization.searchParams.get('state')).toBe(pending.state);

      const callback = await loginThroughForm(url, 'camille');
      expect(callback.searchParams.get('code')).toEqual(expect.any(String));

      // A callback answered with another login's state is refused (before the code is spent).
      const otherState = { ...pending, state: 'another-state' };
      const refused = await provider.completeLogin(callback, otherState).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(OidcLoginError);
      expect(refused).toMatchObject({ code: 'OIDC_LOGIN_FAILED' });

      const before = Date.now();
      const { identity, expiresAt } = await provider.completeLogin(callback, pending);
      expect(identity).toEqual({
        accountId: expect.stringMatching(/^oidc:/),
        username: 'camille',
        grants: [{ role: 'entrepreneur', caeId: 'coodyssee', entrepreneurId: 'esa-01' }],
      });
      // The realm's access tokens last 5 minutes.
      expect(expiresAt.getTime()).toBeGreaterThan(before);
      expect(expiresAt.getTime()).toBeLessThanOrEqual(before + 5 * 60 * 1000 + 5_000);

      // A code is good once: replaying the callback fails cleanly, without the provider's details.
      const replay = await provider.completeLogin(callback, pending).catch((error: unknown) => error);
      expect(replay).toBeInstanceOf(OidcLoginError);
      expect((replay as Error).message).not.toMatch(/invalid_grant|keycloak|http/i);
    });

    it('refuses a callback carrying an error instead of a code', async () => {
      const { pending } = await provider.beginLogin();
      const callback = new URL(config.redirectUri);
      callback.search = new URLSearchParams({ error: 'access_denied', state: pending.state }).toString();
      await expect(provider.completeLogin(callback, pending)).rejects.toMatchObject({ code: 'OIDC_LOGIN_FAILED' });
    });
  });
}

/** Plays the browser: Keycloak's login page, then its form, keeping cookies; returns the redirect back to us. */
async function loginThroughForm(authorizationUrl: string, username: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const keep = (response: Response): void => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  };
  // Keycloak marks its cookies Secure even on http; a test browser sends them back anyway.
  const cookieHeader = (): string => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');

  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  expect(page.status).toBe(200);
  keep(page);
  const html = await page.text();
  const action = /<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"/.exec(html)?.[1] ?? /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (action === undefined) throw new Error('No login form on the Keycloak page');
  const submitted = await fetch(action.replace(/&amp;/g, '&'), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password: `demo-${username}`, credentialId: '' }),
  });
  expect(submitted.status).toBe(302);
  const location = submitted.headers.get('location');
  if (location === null) throw new Error('Keycloak did not redirect after the login form');
  return new URL(location);
}
