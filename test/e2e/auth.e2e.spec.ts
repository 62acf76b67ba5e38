import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { openCredentialStore } from '../../libs/identity';
import { exampleData } from '../fixtures/commands';
import { ACCESS_RULE } from '../../apps/api/src/auth/access.decorator';
import { csrfTokenOf } from '../../apps/api/src/auth/csrf';
import { passwordOf } from '../support/accounts';
import { startHarness, type Harness } from './api-harness';

const envelope = (type: Parameters<typeof exampleData>[0], commandId: string, data: object = exampleData(type)) => ({ type, commandId, data });

/** `name=value` of each Set-Cookie of a response, and its attributes. */
const cookiesOf = (res: request.Response): Map<string, string> =>
  new Map(([res.headers['set-cookie'] ?? []].flat() as string[]).map((line) => [line.slice(0, line.indexOf('=')), line]));

const valueOf = (cookie: string): string => cookie.slice(cookie.indexOf('=') + 1, cookie.indexOf(';'));

describe('authentication over HTTP', () => {
  let h: Harness;
  /** The day the app believes it is, for the grants in force (the sessions keep real time). */
  let today = new Date('2017-02-28T12:00:00+01:00');
  beforeAll(async () => {
    h = await startHarness({ clock: () => today, loginThrottle: { perUsername: 3, perAddress: 1000 } });
    await h.http().post('/api/commands').send([envelope('RegisterCae', 'cae'), envelope('IntegrateEntrepreneur', 'e-001')]).expect(200);
    await h.caughtUp();
  });
  afterAll(() => h.close());

  const anonymous = () => h.http(null);
  const login = (username: string, password = passwordOf(username)) => anonymous().post('/api/session').send({ username, password });

  describe('every route declares its access', () => {
    it('each route Nest maps has an @Access, @Authenticated or @Public declaration, and no route escapes the list', () => {
      const discovery = new DiscoveryService(h.app.get(ModulesContainer));
      const scanner = new MetadataScanner();
      const declared: string[] = [];
      const undeclared: string[] = [];
      for (const wrapper of discovery.getControllers()) {
        const controller = wrapper.metatype as unknown as { prototype: Record<string, object> };
        const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
        for (const name of scanner.getAllMethodNames(controller.prototype)) {
          const handler = controller.prototype[name]!;
          const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
          if (path === undefined) continue;
          const route = `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]} ${`/${base}/${path}`.replace(/\/+$/, '').replace(/\/+/g, '/')}`;
          (Reflect.getMetadata(ACCESS_RULE, handler) ? declared : undeclared).push(route);
        }
      }
      expect(undeclared).toEqual([]);
      // What Express really serves, the OpenAPI document's own routes (open, no data) aside.
      const router = (h.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
      const served = router.stack
        .flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`) : []))
        .filter((route) => !route.includes('/api/docs'));
      expect(served.sort()).toEqual([...declared].sort());
      expect(declared).toHaveLength(33);
    });
  });

  describe('POST /api/session', () => {
    let camille: { accountId: string };
    beforeAll(async () => {
      camille = await h.account('camille', { caeId: 'coodyssee', role: 'entrepreneur', entrepreneurId: 'e-001', grantedOn: '2016-01-11' });
    });

    it('answers the token, its expiry and the user, with an HTTP-only SameSite=Strict session cookie and a readable CSRF cookie', async () => {
      const res = await login('Camille', passwordOf('camille')).expect(200);
      expect(res.body).toEqual({ token: expect.stringMatching(/^alvs_[A-Za-z0-9_-]{43}$/), expiresAt: expect.any(String), user: { username: 'camille', roles: ['entrepreneur'] } });
      const hours = (new Date(res.body.expiresAt).getTime() - Date.now()) / 3_600_000;
      expect(hours).toBeGreaterThan(7.9);
      expect(hours).toBeLessThanOrEqual(8);
      const cookies = cookiesOf(res);
      expect(cookies.get('alveole_session')).toMatch(/; Path=\/; SameSite=Strict; Max-Age=\d+; HttpOnly$/);
      expect(valueOf(cookies.get('alveole_session')!)).toBe(res.body.token);
      expect(cookies.get('alveole_csrf')).toMatch(/; Path=\/; SameSite=Strict; Max-Age=\d+$/);
      expect(valueOf(cookies.get('alveole_csrf')!)).toBe(csrfTokenOf(res.body.token));
      const stored = await h.runtime.credentials.verifySession(res.body.token);
      expect(stored).toMatchObject({ ok: true, account: { accountId: camille.accountId } });
    });

    it('GET /api/session says who is asking, with the session cookie alone: username, roles and grants of the day', async () => {
      const res = await login('camille').expect(200);
      const cookie = [...cookiesOf(res).values()].map((c) => c.split(';')[0]).join('; ');
      const me = await anonymous().get('/api/session').set('Cookie', cookie).expect(200);
      expect(me.body).toEqual({ username: 'camille', roles: ['entrepreneur'], grants: [{ role: 'entrepreneur', caeId: 'coodyssee', entrepreneurId: 'e-001' }] });
      expect((await anonymous().get('/api/session').expect(401)).body.error.code).toBe('UNAUTHENTICATED');
    });

    it('marks the cookies Secure when the app is behind HTTPS', async () => {
      const secure = await startHarness({ secureCookies: true });
      try {
        await secure.account('zoé');
        const res = await secure.http(null).post('/api/session').send({ username: 'zoé', password: passwordOf('zoé') }).expect(200);
        for (const cookie of cookiesOf(res).values()) expect(cookie).toMatch(/; Secure$/);
        expect(res.headers['strict-transport-security']).toBeDefined();
      } finally {
        await secure.close();
      }
    });

    it('refuses a wrong password and an unknown username with one answer, a 401 INVALID_CREDENTIALS', async () => {
      const wrong = await login('camille', 'demo-wrong').expect(401);
      const unknown = await login('nobody-at-all').expect(401);
      expect(wrong.body).toEqual({ error: { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password.' } });
      expect(unknown.body).toEqual(wrong.body);
      expect(cookiesOf(wrong).size).toBe(0);
    });

    it('refuses a disabled account with that same answer', async () => {
      const { accountId } = await h.account('leaving');
      await h.runtime.credentials.disable(accountId);
      expect((await login('leaving').expect(401)).body.error.code).toBe('INVALID_CREDENTIALS');
    });

    it('refuses a body that is not { username, password } with VALIDATION_FAILED', async () => {
      for (const body of [{}, { username: 'camille' }, { username: 'camille', password: 'x', extra: 1 }, { username: 3, password: 'x' }]) {
        const res = await anonymous().post('/api/session').send(body).expect(400);
        expect(res.body.error.code).toBe('VALIDATION_FAILED');
      }
      expect((await anonymous().post('/api/session').type('form').send('username=a&password=b').expect(415)).body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('after repeated failures answers 429 TOO_MANY_ATTEMPTS with Retry-After, for a known and an unknown username alike, the right password included', async () => {
      await h.account('target');
      for (const username of ['target', 'ghost-user']) {
        for (let i = 0; i < 3; i++) await login(username, 'guess').expect(401);
        const blocked = await login(username, 'guess').expect(429);
        expect(blocked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      }
      expect((await login('target').expect(429)).body.error.code).toBe('TOO_MANY_ATTEMPTS');
    });

    it('without OIDC_ISSUER, the browser login through a provider is not there: 404 NOT_FOUND saying so', async () => {
      for (const path of ['/api/session/oidc', '/api/session/oidc/callback?code=c&state=s']) {
        const res = await anonymous().get(path).expect(404);
        expect(res.body.error).toEqual({ code: 'NOT_FOUND', message: expect.stringContaining('OpenID Connect is not configured') });
      }
    });
  });

  describe('credentials on a route', () => {
    it('with none, a malformed header or an unknown token: 401 UNAUTHENTICATED with WWW-Authenticate: Bearer', async () => {
      const answers = [
        await anonymous().get('/api/caes/coodyssee/treasury'),
        await anonymous().get('/api/caes/coodyssee/treasury').set('Authorization', 'Basic YWRtaW46ZGVtby1hZG1pbg=='),
        await h.http('alvs_' + 'A'.repeat(43)).get('/api/caes/coodyssee/treasury'),
        await h.http('alv_' + 'A'.repeat(43)).get('/api/caes/coodyssee/treasury'),
        await h.http('eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.').get('/api/caes/coodyssee/treasury'),
        await anonymous().get('/api/caes/coodyssee/treasury').set('Cookie', 'alveole_session=nonsense'),
      ];
      for (const res of answers) {
        expect([res.status, res.body.error.code, res.headers['www-authenticate']]).toEqual([401, 'UNAUTHENTICATED', expect.stringMatching(/^Bearer/)]);
      }
    });

    it('a session cookie reads without a CSRF header, but writes only with the X-CSRF-Token of its session', async () => {
      const { token } = await h.account('cookie-admin', 'network_admin');
      const cookie = `alveole_session=${token}; alveole_csrf=${csrfTokenOf(token)}`;
      await anonymous().get('/api/caes/coodyssee/treasury').set('Cookie', cookie).expect(200);
      const head = await h.runtime.store.headPosition();
      const command = envelope('RecordIntakeInterview', 'csrf-1');
      const without = await anonymous().post('/api/commands').set('Cookie', cookie).send(command).expect(403);
      expect(without.body.error.code).toBe('CSRF_TOKEN_INVALID');
      const forged = await anonymous().post('/api/commands').set('Cookie', cookie).set('X-CSRF-Token', csrfTokenOf('alvs_another')).send(command).expect(403);
      expect(forged.body.error.code).toBe('CSRF_TOKEN_INVALID');
      expect(await h.runtime.store.headPosition()).toBe(head);
      const sent = await anonymous().post('/api/commands').set('Cookie', cookie).set('X-CSRF-Token', csrfTokenOf(token)).send(command).expect(200);
      expect(sent.body.status).toBe('accepted');
      // The same session as a Bearer header needs no CSRF token: a browser never adds that header by itself.
      await h.http(token).post('/api/commands').send(envelope('RecordIntakeInterview', 'csrf-2')).expect(200);
    });

    it('an expired session is refused with 401', async () => {
      const { accountId } = await h.account('expiring', 'network_admin');
      // A store whose clock is 9 hours behind opens a session that has already ended now.
      const past = openCredentialStore(h.dataDir, { now: () => new Date(Date.now() - 9 * 3_600_000) });
      const { secret } = await past.openSession(accountId);
      await past.close();
      const res = await h.http(secret).get('/api/caes/coodyssee/treasury').expect(401);
      expect(res.body.error.message).toContain('expired');
    });

    it('a disabled account\'s session and API tokens stop working', async () => {
      const { accountId, token } = await h.account('disabled-staff', { caeId: 'coodyssee', role: 'cae_staff' });
      const { secret } = await h.runtime.credentials.issueToken(accountId, { role: 'cae_staff', caes: ['coodyssee'] }, '2099-01-01T00:00:00Z');
      await h.http(token).get('/api/caes/coodyssee/treasury').expect(200);
      await h.http(secret).get('/api/caes/coodyssee/treasury').expect(200);
      await h.runtime.credentials.disable(accountId);
      expect((await h.http(token).get('/api/caes/coodyssee/treasury').expect(401)).body.error.code).toBe('UNAUTHENTICATED');
      expect((await h.http(secret).get('/api/caes/coodyssee/treasury').expect(401)).body.error.code).toBe('UNAUTHENTICATED');
    });

    it('DELETE /api/session deletes the session on the server and clears the cookies', async () => {
      await h.account('leaver', 'network_auditor');
      const { token } = (await login('leaver').expect(200)).body;
      await h.http(token).get('/api/caes/coodyssee/treasury').expect(200);
      const res = await h.http(token).delete('/api/session').expect(204);
      expect(cookiesOf(res).get('alveole_session')).toMatch(/^alveole_session=; .*Max-Age=0/);
      expect(cookiesOf(res).get('alveole_csrf')).toMatch(/^alveole_csrf=; .*Max-Age=0/);
      expect(await h.runtime.credentials.verifySession(token)).toEqual({ ok: false, reason: 'unknown' });
      await h.http(token).get('/api/caes/coodyssee/treasury').expect(401);
    });
  });

  describe('the caller is who the log says', () => {
    it('the events\' actor is the caller\'s accountId, whatever the envelope says', async () => {
      const res = await h.http().post('/api/commands').send({ ...envelope('RecordIntakeInterview', 'actor-1'), actor: 'someone-else' }).expect(200);
      const [event] = await h.runtime.store.readAll(res.body.events[0].position, { limit: 1 });
      expect(event!.metadata.actor).toBe(h.admin.accountId);
    });

    it('an entrepreneur exited: her access ends on the exit date, her session still open', async () => {
      const { token } = await h.account('exiting', { caeId: 'coodyssee', role: 'entrepreneur', entrepreneurId: 'e-001', grantedOn: '2016-01-11' });
      const account = '/api/caes/coodyssee/entrepreneurs/e-001/account';
      await h.http(token).get(account).expect(200);
      await h.http().post('/api/commands').send(envelope('ExitEntrepreneur', 'exit', { ...exampleData('ExitEntrepreneur'), exitedOn: '2017-03-01' })).expect(200);
      await h.caughtUp();
      await h.http(token).get(account).expect(200);
      today = new Date('2017-03-01T00:30:00+01:00');
      const refused = await h.http(token).get(account).expect(403);
      expect(refused.body.error).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('exiting may not read entrepreneurAccount') });
      // Logging in again still works (the password is right) but reaches nothing.
      const again = await login('exiting').expect(200);
      expect(again.body.user.roles).toEqual([]);
      await h.http(again.body.token).get(account).expect(403);
    });
  });

  describe('hygiene', () => {
    it('sends helmet\'s headers, with a CSP the Swagger UI at /api/docs lives with', async () => {
      const res = await anonymous().get('/api/health').expect(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-powered-by']).toBeUndefined();
      const csp = res.headers['content-security-policy'] as string;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      const docs = await anonymous().get('/api/docs/').redirects(1).expect(200);
      // Every script of the UI is a file of this origin: nothing inline for the CSP to block.
      expect(docs.text).not.toMatch(/<script>(?!\s*<\/script>)/);
      for (const [, src] of docs.text.matchAll(/<script src="([^"]+)"/g)) await anonymous().get(new URL(src!, 'http://x/api/docs/').pathname).expect(200);
      await anonymous().get('/api/docs-json').expect(200);
    });

    it('sets no CORS header, for a simple request or a preflight from another origin', async () => {
      const simple = await h.http().get('/api/caes/coodyssee/treasury').set('Origin', 'https://evil.example').expect(200);
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await anonymous().options('/api/commands').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-methods']).toBeUndefined();
    });

    it('answers health\'s status to anyone, its details only to a network reader', async () => {
      expect((await anonymous().get('/api/health').expect(200)).body).toEqual({ status: 'ok' });
      const { token } = await h.account('health-staff', { caeId: 'coodyssee', role: 'cae_staff' });
      expect((await h.http(token).get('/api/health').expect(200)).body).toEqual({ status: 'ok' });
      expect((await h.http().get('/api/health').expect(200)).body).toMatchObject({ status: 'ok', eventLog: { headPosition: expect.any(Number) } });
    });

    it('no refusal carries a stack trace or an internal detail', async () => {
      const answers = [await anonymous().get('/api/caes/coodyssee/treasury'), await login('nobody', 'x'), await anonymous().post('/api/session').send('{"username":')];
      for (const res of answers) expect(JSON.stringify(res.body)).not.toMatch(/ at |\.ts:|node_modules|Error:/);
    });
  });

  describe('API tokens over HTTP', () => {
    it('an admin issues one, shown once, lists it without its secret, revokes it; a revoked token is refused', async () => {
      await h.account('importer', { caeId: 'coodyssee', role: 'cae_staff' });
      const issued = await h.http().post('/api/tokens').send({ username: 'importer', role: 'cae_staff', caes: ['coodyssee'], expiresAt: '2099-01-01T00:00:00Z' }).expect(201);
      const { token, secret } = issued.body;
      expect(secret).toMatch(/^alv_[A-Za-z0-9_-]{43}$/);
      expect(token).toEqual({ tokenId: expect.any(String), username: 'importer', role: 'cae_staff', caes: ['coodyssee'], createdAt: expect.any(String), expiresAt: '2099-01-01T00:00:00.000Z', revokedAt: null });
      const listed = (await h.http().get('/api/tokens').expect(200)).body.tokens;
      expect(listed).toContainEqual(token);
      expect(JSON.stringify(listed)).not.toContain(secret.slice(4));
      await h.http(secret).post('/api/commands').send(envelope('RecordIntakeInterview', 'by-token')).expect(200);
      await h.http().delete(`/api/tokens/${token.tokenId}`).expect(204);
      expect((await h.http(secret).get('/api/caes/coodyssee/treasury').expect(401)).body.error.message).toContain('revoked');
      await h.http().delete('/api/tokens/no-such-token').expect(404);
    });

    it('refuses a scope that does not fit its role, a past expiry or an unknown account', async () => {
      const issue = (body: object) => h.http().post('/api/tokens').send({ username: 'importer', role: 'cae_staff', caes: ['coodyssee'], expiresAt: '2099-01-01T00:00:00Z', ...body });
      expect((await issue({ caes: [] }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
      expect((await issue({ role: 'network_auditor' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
      expect((await issue({ role: 'janitor' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
      expect((await issue({ expiresAt: '2001-01-01T00:00:00Z' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
      expect((await issue({ expiresAt: 'soon' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
      expect((await issue({ username: 'nobody-here' }).expect(404)).body.error.code).toBe('NOT_FOUND');
    });

    it('a token acts with what its account holds, within its scope: a staff token for another CAE reaches nothing', async () => {
      const { accountId } = await h.account('narrow', { caeId: 'coodyssee', role: 'cae_staff' });
      const { secret: outside } = await h.runtime.credentials.issueToken(accountId, { role: 'cae_staff', caes: ['oxalis'] }, '2099-01-01T00:00:00Z');
      const { secret: beyond } = await h.runtime.credentials.issueToken(accountId, { role: 'network_admin', caes: [] }, '2099-01-01T00:00:00Z');
      await h.http(outside).get('/api/caes/coodyssee/treasury').expect(403);
      await h.http(beyond).get('/api/caes/coodyssee/treasury').expect(403);
    });
  });
});
