import type { Grant } from '../../libs/application/src/access/identity';
import type { OidcConfig } from '../../libs/application/src/access/oidc/oidc-config';
import { OidcLoginError } from '../../libs/application/src/access/oidc/oidc-login-error';
import { OidcProvider } from '../../libs/application/src/access/oidc/oidc-provider';
import { LazyOidcProvider } from '../../libs/application/src/access/oidc/lazy-oidc-provider';
import { startHarness, type Harness } from '../e2e/api-harness';
import { exampleData } from '../fixtures/commands';
import { loginThroughForm, restartablePort, restartKeycloak, stopKeycloak } from './keycloak';

const KEYCLOAK_URL = process.env.KEYCLOAK_URL;

/*
 * Against a real Keycloak with the realm of scripts/servers/keycloak/realm-alveole.json, when KEYCLOAK_URL is set
 * (start one with scripts/servers/keycloak/start.sh). Tokens come from the password grant the test client allows,
 * and the browser's code + PKCE flow is driven through Keycloak's own login form, first against the provider, then
 * through the API's routes. Last, Keycloak is stopped while tokens are in use and started again (one file, so that
 * no other suite uses Keycloak while it is down).
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

  /** The session and CSRF cookies of a response, by name: the whole Set-Cookie line of each. */
  const setCookies = (response: { headers: Record<string, unknown> }): Map<string, string> => {
    const lines = (response.headers['set-cookie'] as string[] | undefined) ?? [];
    return new Map(lines.map((line) => [line.slice(0, line.indexOf('=')), line]));
  };
  const valueOf = (line: string | undefined): string => (line ?? '').slice(line!.indexOf('=') + 1).split(';')[0]!;

  /** GET /api/session/oidc, the provider's form as `username`, and the callback's path and query, with the pending cookie. */
  const startBrowserLogin = async (h: Harness, username: string, returnTo = '/') => {
    const begun = await h.http(null).get(`/api/session/oidc?returnTo=${encodeURIComponent(returnTo)}`).expect(302);
    const pendingCookie = setCookies(begun).get('alveole_oidc')!;
    const callback = await loginThroughForm(begun.headers['location'] as string, username);
    return { begun, pendingCookie, callback: `${callback.pathname}${callback.search}`, cookie: `alveole_oidc=${valueOf(pendingCookie)}` };
  };

  describe("the API's browser login (GET /api/session/oidc and its callback)", () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ oidc: new LazyOidcProvider(() => OidcProvider.discover(config)) });
      // Coodyssée and Oxalis, for staff-coodyssee's claims to reach one and not the other.
      const register = (caeId: string) => ({ type: 'RegisterCae', commandId: `register-${caeId}`, data: { ...(exampleData('RegisterCae') as object), caeId } });
      await h.http().post('/api/commands').send([register('coodyssee'), register('oxalis')]).expect(200);
      await h.caughtUp();
    });
    afterAll(async () => h.close());

    it('sends the browser to Keycloak with PKCE, and back with a session cookie that the guard, the CSRF check and logout honour', async () => {
      const head = await h.runtime.store.headPosition();
      const { begun, pendingCookie, callback, cookie } = await startBrowserLogin(h, 'staff-coodyssee', '/caes/coodyssee');
      const authorization = new URL(begun.headers['location'] as string);
      expect(`${authorization.origin}${authorization.pathname}`).toBe(`${config.issuer}/protocol/openid-connect/auth`);
      expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorization.searchParams.get('redirect_uri')).toBe(config.redirectUri);
      expect(pendingCookie).toMatch(/^alveole_oidc=[A-Za-z0-9_-]+; Path=\/api\/session\/oidc; SameSite=Lax; Max-Age=600; HttpOnly$/);
      expect(begun.headers['cache-control']).toBe('no-store');

      const back = await h.http(null).get(callback).set('Cookie', cookie).expect(200);
      expect(back.headers['content-type']).toMatch(/^text\/html/);
      expect(back.text).toContain('<meta http-equiv="refresh" content="0;url=/caes/coodyssee">');
      expect(back.text).toContain('staff-coodyssee (cae_staff)');
      const cookies = setCookies(back);
      expect(cookies.get('alveole_oidc')).toMatch(/^alveole_oidc=; Path=\/api\/session\/oidc; SameSite=Lax; Max-Age=0; HttpOnly$/);
      expect(cookies.get('alveole_session')).toMatch(/; Path=\/; SameSite=Strict; Max-Age=\d+; HttpOnly$/);
      // The session lasts as long as the provider's access token: 5 minutes in this realm.
      expect(Number(/Max-Age=(\d+)/.exec(cookies.get('alveole_session')!)![1])).toBeLessThanOrEqual(300);
      const session = `alveole_session=${valueOf(cookies.get('alveole_session'))}`;
      const csrf = valueOf(cookies.get('alveole_csrf'));

      await h.http(null).get('/api/caes/coodyssee/access').set('Cookie', session).expect(200);
      const other = await h.http(null).get('/api/caes/oxalis/access').set('Cookie', session).expect(403);
      expect(other.body.error.code).toBe('FORBIDDEN');
      const forged = await h.http(null).post('/api/commands').set('Cookie', session).send([]).expect(403);
      expect(forged.body.error.code).toBe('CSRF_TOKEN_INVALID');
      await h.http(null).delete('/api/session').set('Cookie', session).set('X-CSRF-Token', csrf).expect(204);
      // Logging in appended nothing: the provider's identity is not an account of the log.
      expect(await h.runtime.store.headPosition()).toBe(head);
    });

    it('refuses a replayed callback, one without its pending cookie, with a damaged one or with another login\'s, each 401 OIDC_LOGIN_FAILED', async () => {
      const first = await startBrowserLogin(h, 'camille');
      const second = await startBrowserLogin(h, 'camille');
      // Another login's pending cookie: its state is not the one the provider sent back.
      const crossed = await h.http(null).get(first.callback).set('Cookie', second.cookie).expect(401);
      expect(crossed.body.error.code).toBe('OIDC_LOGIN_FAILED');
      for (const cookie of [undefined, 'alveole_oidc=bm90LWpzb24', 'alveole_oidc=%%%']) {
        const request = h.http(null).get(second.callback);
        const refused = await (cookie === undefined ? request : request.set('Cookie', cookie)).expect(401);
        expect(refused.body.error).toEqual({ code: 'OIDC_LOGIN_FAILED', message: expect.stringContaining('start it again') });
      }
      await h.http(null).get(second.callback).set('Cookie', second.cookie).expect(200);
      const replayed = await h.http(null).get(second.callback).set('Cookie', second.cookie).expect(401);
      expect(replayed.body.error.code).toBe('OIDC_LOGIN_FAILED');
      expect(JSON.stringify(replayed.body)).not.toMatch(/invalid_grant|keycloak|stack/i);
      const denied = await h.http(null).get(`/api/session/oidc/callback?error=access_denied&state=x`).set('Cookie', second.cookie).expect(401);
      expect(denied.body.error.code).toBe('OIDC_LOGIN_FAILED');
    });

    it('sends the browser back to a page of this site only', async () => {
      for (const returnTo of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'caes']) {
        const refused = await h.http(null).get(`/api/session/oidc?returnTo=${encodeURIComponent(returnTo)}`).expect(400);
        expect(refused.body.error.code).toBe('VALIDATION_FAILED');
      }
    });
  });

  const port = restartablePort(keycloakUrl);
  const restartable = port === undefined ? describe.skip : describe;
  restartable(`Keycloak stopped while tokens are in use, then started again${port === undefined ? ' — skipped: KEYCLOAK_URL names a Keycloak that scripts/servers/keycloak/start.sh did not start' : ''}`, () => {
    let running: Harness;
    let fresh: Harness;
    beforeAll(async () => {
      running = await startHarness({ oidc: new LazyOidcProvider(() => OidcProvider.discover(config)) });
      // Retries discovery 1 s after a failure, so that the test sees it recover soon after Keycloak is back.
      fresh = await startHarness({ oidc: new LazyOidcProvider(() => OidcProvider.discover(config), 1_000) });
    });
    afterAll(async () => {
      await running.close();
      await fresh.close();
    });

    it('keeps accepting the tokens already issued, fails new logins cleanly, and recovers on its own', async () => {
      const { access_token: issued } = await passwordGrant('admin');
      await running.http(issued).get('/api/network/statistics?year=2016').expect(200);
      const started = await startBrowserLogin(running, 'auditor');

      await stopKeycloak(port!);
      try {
        // The JWKS fetched before the stop keeps verifying.
        await running.http(issued).get('/api/network/statistics?year=2016').expect(200);
        // A login whose code cannot be exchanged, and one that cannot begin: clean 401s, no 500, nothing appended.
        const head = await running.runtime.store.headPosition();
        const exchange = await running.http(null).get(started.callback).set('Cookie', started.cookie).expect(401);
        expect(exchange.body.error.code).toBe('OIDC_LOGIN_FAILED');
        const begin = await fresh.http(null).get('/api/session/oidc').expect(401);
        expect(begin.body.error).toEqual({ code: 'OIDC_LOGIN_FAILED', message: 'The identity provider cannot be reached: try again in a moment.' });
        // An API that never saw the keys cannot check a token: refused as unknown, not an error.
        const unchecked = await fresh.http(issued).get('/api/network/statistics?year=2016').expect(401);
        expect(unchecked.body.error.code).toBe('UNAUTHENTICATED');
        // Local accounts are not the provider's: they still log in.
        await running.http().get('/api/network/statistics?year=2016').expect(200);
        expect(await running.runtime.store.headPosition()).toBe(head);
      } finally {
        await restartKeycloak(port!);
      }

      // Back: the API that could not discover the provider now does, for bearer tokens and browser logins alike.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const { access_token: renewed } = await passwordGrant('admin');
      await fresh.http(renewed).get('/api/network/statistics?year=2016').expect(200);
      await running.http(renewed).get('/api/network/statistics?year=2016').expect(200);
      const again = await startBrowserLogin(fresh, 'auditor');
      await fresh.http(null).get(again.callback).set('Cookie', again.cookie).expect(200);
    }, 600_000);
  });
}
