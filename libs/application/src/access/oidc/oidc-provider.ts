/**
 * The OpenID Connect provider seen from Alvéole: verifies bearer JWTs against its JWKS (API clients) and runs the
 * authorization code flow with PKCE (the browser). Implements the OidcVerifier the HTTP layer accepts.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import * as client from 'openid-client';
import type { CompletedLogin, PendingLogin } from '../authenticator';
import type { Identity } from '../identity';
import { identityFromClaims } from './claims';
import type { OidcConfig } from './oidc-config';
import { OidcLoginError } from './oidc-login-error';

export interface OidcProviderOptions {
  /** Least time between two JWKS fetches caused by an unknown kid (default 30 s), so that forged kids cannot flood the provider. */
  jwksCooldownMs?: number;
  /** Clock skew tolerated on exp/nbf/iat, in seconds (default 30). */
  clockToleranceSeconds?: number;
  /** Timeout of each request to the provider, in seconds (default 10). */
  timeoutSeconds?: number;
}

const ALGORITHMS = ['RS256', 'PS256', 'ES256'];
// Far above any real access token; refuses absurd inputs before any parsing.
const MAX_TOKEN_LENGTH = 16_384;

interface Verified {
  identity: Identity;
  expiresAt: Date;
}

export class OidcProvider {
  private constructor(
    private readonly config: OidcConfig,
    private readonly client: client.Configuration,
    private readonly keys: JWTVerifyGetKey,
    private readonly clockTolerance: number,
  ) {}

  /** Reads the provider's discovery document (throws when it cannot: the caller decides whether to start without it). */
  static async discover(config: OidcConfig, options: OidcProviderOptions = {}): Promise<OidcProvider> {
    const issuer = new URL(config.issuer);
    const timeout = options.timeoutSeconds ?? 10;
    // A plain-http issuer is a local development provider (the test Keycloak); production issuers are https.
    const execute = issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [];
    const configuration = await client.discovery(
      issuer,
      config.clientId,
      { redirect_uris: [config.redirectUri] },
      client.ClientSecretBasic(config.clientSecret),
      { execute, timeout },
    );
    const jwksUri = configuration.serverMetadata().jwks_uri;
    if (jwksUri === undefined) throw new Error(`The OpenID provider ${config.issuer} publishes no jwks_uri`);
    // Keys never go stale by age: the ones fetched keep verifying while the provider is down; an unknown kid refetches.
    const keys = createRemoteJWKSet(new URL(jwksUri), {
      cacheMaxAge: Number.POSITIVE_INFINITY,
      cooldownDuration: options.jwksCooldownMs ?? 30_000,
      timeoutDuration: timeout * 1000,
    });
    return new OidcProvider(config, configuration, keys, options.clockToleranceSeconds ?? 30);
  }

  /** The identity a bearer access token proves, or undefined for anything that is not a valid token for us. */
  async verifyBearer(token: string): Promise<Identity | undefined> {
    return (await this.verify(token))?.identity;
  }

  /** Where to send the browser, and what to keep until it comes back (authorization code flow, PKCE S256). */
  async beginLogin(): Promise<{ url: string; pending: PendingLogin }> {
    const pending: PendingLogin = {
      state: client.randomState(),
      codeVerifier: client.randomPKCECodeVerifier(),
      nonce: client.randomNonce(),
    };
    const url = client.buildAuthorizationUrl(this.client, {
      redirect_uri: this.config.redirectUri,
      scope: 'openid',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending };
  }

  /** Exchanges the callback's code for tokens; the identity is read from the verified access token, valid until it expires. */
  async completeLogin(callbackUrl: URL, pending: PendingLogin): Promise<CompletedLogin> {
    // The provider compares redirect_uri with the configured one, whatever host or proxy the callback came through.
    const current = new URL(this.config.redirectUri);
    current.search = callbackUrl.search;
    let accessToken: string;
    try {
      const tokens = await client.authorizationCodeGrant(this.client, current, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
      });
      accessToken = tokens.access_token;
    } catch (cause) {
      throw new OidcLoginError(undefined, { cause });
    }
    const verified = await this.verify(accessToken);
    if (verified === undefined) throw new OidcLoginError();
    return { ...verified, accessToken };
  }

  private async verify(token: unknown): Promise<Verified | undefined> {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return undefined;
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.config.issuer,
        algorithms: ALGORITHMS,
        clockTolerance: this.clockTolerance,
        requiredClaims: ['exp', 'sub'],
      });
      if (!this.isForUs(payload)) return undefined;
      const identity = identityFromClaims(payload, this.config.claims);
      if (identity === undefined || payload.exp === undefined) return undefined;
      return { identity, expiresAt: new Date(payload.exp * 1000) };
    } catch {
      return undefined;
    }
  }

  // Our audience, or issued to our client; Keycloak's ID tokens (typ "ID") are not bearer tokens.
  private isForUs(payload: JWTPayload): boolean {
    if (payload.typ === 'ID') return false;
    const audiences = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []);
    return audiences.includes(this.config.audience) || payload.azp === this.config.clientId;
  }
}
