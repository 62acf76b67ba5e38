import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { OidcConfig } from './oidc-config';
import { OidcProvider } from './oidc-provider';

/*
 * Against a stand-in issuer on a loopback port (discovery document and JWKS only, keys made here), for what a real
 * Keycloak cannot easily show: the provider going down, a key rotation, clock tolerance, algorithms.
 */
interface SigningKey {
  kid: string;
  alg: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function signingKey(kid: string, alg = 'RS256'): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

class StandInIssuer {
  published: SigningKey[] = [];
  jwksFetches = 0;
  private server?: Server;
  private port = 0;

  get issuer(): string {
    return `http://127.0.0.1:${this.port}/realms/test`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const json = (body: unknown): void => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.url === '/realms/test/.well-known/openid-configuration') {
        json({
          issuer: this.issuer,
          authorization_endpoint: `${this.issuer}/auth`,
          token_endpoint: `${this.issuer}/token`,
          jwks_uri: `${this.issuer}/certs`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
        });
      } else if (request.url === '/realms/test/certs') {
        this.jwksFetches += 1;
        json({ keys: this.published.map((key) => key.jwk) });
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

describe('OidcProvider.verifyBearer (stand-in issuer)', () => {
  const idp = new StandInIssuer();
  let config: OidcConfig;
  let provider: OidcProvider;
  let current: SigningKey;

  const token = async (
    claims: Record<string, unknown> = {},
    key: SigningKey = current,
    header: Record<string, unknown> = {},
  ): Promise<string> =>
    new SignJWT({
      iss: idp.issuer,
      aud: 'alveole-api',
      azp: 'alveole-api',
      sub: 'user-1',
      preferred_username: 'sacha',
      exp: nowSeconds() + 300,
      iat: nowSeconds(),
      alveole_roles: ['cae_staff'],
      alveole_caes: ['coodyssee'],
      ...claims,
    })
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...header })
      .sign(key.privateKey);

  beforeAll(async () => {
    await idp.start();
    current = await signingKey('key-1');
    idp.published = [current];
    config = {
      issuer: idp.issuer,
      clientId: 'alveole-api',
      clientSecret: 'secret',
      redirectUri: 'http://127.0.0.1:3999/callback',
      audience: 'alveole-api',
      claims: { roles: 'alveole_roles', caes: 'alveole_caes', entrepreneur: 'alveole_entrepreneur' },
    };
    provider = await OidcProvider.discover(config, { jwksCooldownMs: 0, clockToleranceSeconds: 30, timeoutSeconds: 2 });
  });

  afterAll(() => idp.stop());

  it('accepts a signed token of our issuer and audience', async () => {
    expect(await provider.verifyBearer(await token())).toEqual({
      accountId: 'oidc:user-1',
      username: 'sacha',
      grants: [{ role: 'cae_staff', caeId: 'coodyssee' }],
    });
  });

  it('accepts a token issued to our client (azp) whatever its aud, and refuses one for neither', async () => {
    expect(await provider.verifyBearer(await token({ aud: 'account' }))).toBeDefined();
    expect(await provider.verifyBearer(await token({ aud: ['account', 'alveole-api'], azp: 'other' }))).toBeDefined();
    expect(await provider.verifyBearer(await token({ aud: 'account', azp: 'other' }))).toBeUndefined();
    expect(await provider.verifyBearer(await token({ aud: undefined, azp: undefined }))).toBeUndefined();
  });

  it('refuses another issuer, a missing exp or sub, and an ID token', async () => {
    expect(await provider.verifyBearer(await token({ iss: 'http://127.0.0.1:1/realms/other' }))).toBeUndefined();
    expect(await provider.verifyBearer(await token({ exp: undefined }))).toBeUndefined();
    expect(await provider.verifyBearer(await token({ sub: undefined }))).toBeUndefined();
    expect(await provider.verifyBearer(await token({ typ: 'ID' }))).toBeUndefined();
  });

  it('tolerates a small clock skew on exp, not more', async () => {
    expect(await provider.verifyBearer(await token({ exp: nowSeconds() - 10 }))).toBeDefined();
    expect(await provider.verifyBearer(await token({ exp: nowSeconds() - 120 }))).toBeUndefined();
  });

  it('accepts PS256 and ES256, refuses a symmetric HS256 token and a key the issuer never published', async () => {
    const ps = await signingKey('key-ps', 'PS256');
    const es = await signingKey('key-es', 'ES256');
    idp.published = [current, ps, es];
    expect(await provider.verifyBearer(await token({}, ps))).toBeDefined();
    expect(await provider.verifyBearer(await token({}, es))).toBeDefined();
    const hs = await new SignJWT({ iss: idp.issuer, aud: 'alveole-api', sub: 'user-1', exp: nowSeconds() + 300 })
      .setProtectedHeader({ alg: 'HS256', kid: current.kid })
      .sign(new TextEncoder().encode('a shared secret of at least 32 bytes!!'));
    expect(await provider.verifyBearer(hs)).toBeUndefined();
    const stranger = await signingKey('key-1');
    expect(await provider.verifyBearer(await token({}, stranger))).toBeUndefined();
    idp.published = [current];
  });

  it('fetches the keys again for an unknown kid (a rotation)', async () => {
    const rotated = await signingKey('key-2');
    idp.published = [current, rotated];
    const before = idp.jwksFetches;
    expect(await provider.verifyBearer(await token({}, rotated))).toBeDefined();
    expect(idp.jwksFetches).toBe(before + 1);
    // A known kid is answered from the cache.
    expect(await provider.verifyBearer(await token({}, rotated))).toBeDefined();
    expect(idp.jwksFetches).toBe(before + 1);
  });

  it('keeps verifying with the keys already fetched while the issuer is down, and answers undefined for a new kid', async () => {
    await idp.stop();
    expect(await provider.verifyBearer(await token())).toBeDefined();
    expect(await provider.verifyBearer(await token({}, await signingKey('key-unknown')))).toBeUndefined();
  });
});
