import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { rolesOf, type OidcVerifier, type PendingLogin } from '../../../../libs/application/src/access/authenticator';
import { OidcLoginError } from '../../../../libs/application/src/access/oidc/oidc-login-error';
import { invalid, notFound, refusal } from '../api-error';
import { Public } from './access.decorator';
import { AUTH, type AuthContext } from './auth-context';
import { clearPendingLoginCookie, cookieOf, PENDING_LOGIN_COOKIE, setPendingLoginCookie, setSessionCookies } from './cookies';
import { csrfTokenOf } from './csrf';

/** The pending login's cookie: what the provider must bring back, and the page to return to. */
interface Pending extends PendingLogin {
  returnTo: string;
}

// A path of this site only: "//host" or "/\host" would send the browser elsewhere after login.
const LOCAL_PATH = /^\/(?![/\\])[\x21-\x7e]{0,500}$/;
const TEXT = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 500;

// Unsigned on purpose: it only ever goes back to the browser that holds it, and the provider checks all three values.
const encode = (pending: Pending): string => Buffer.from(JSON.stringify(pending), 'utf8').toString('base64url');

const decode = (raw: string | undefined): Pending | undefined => {
  if (raw === undefined || raw.length > 4000) return undefined;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { state, codeVerifier, nonce, returnTo } = value;
    if (!TEXT(state) || !TEXT(codeVerifier) || !TEXT(nonce) || !TEXT(returnTo) || !LOCAL_PATH.test(returnTo)) return undefined;
    return { state, codeVerifier, nonce, returnTo };
  } catch {
    return undefined;
  }
};

// The provider's refusal, in the API's shape; its message is safe to show, its cause stays here.
const asRefusal = (error: unknown): never => {
  throw error instanceof OidcLoginError ? refusal('OIDC_LOGIN_FAILED', error.message) : error;
};

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The browser's login through the OpenID provider (authorization code + PKCE): GET /api/session/oidc sends the
 * browser to the provider, which sends it back to the callback; the provider's access token becomes the session
 * cookie, as long as it is valid.
 */
@Controller('api/session/oidc')
export class OidcLoginController {
  constructor(@Inject(AUTH) private readonly auth: AuthContext) {}

  @Get()
  @Public('logging in is how one gets credentials')
  async begin(@Query('returnTo') returnTo: unknown, @Res() response: Response): Promise<void> {
    const oidc = this.provider();
    const back = returnTo === undefined ? '/' : returnTo;
    if (typeof back !== 'string' || !LOCAL_PATH.test(back)) throw invalid('returnTo must be a path of this site, such as "/" or "/caes/coodyssee".');
    const { url, pending } = await oidc.beginLogin().catch(asRefusal);
    setPendingLoginCookie(response, this.auth.cookies, encode({ ...pending, returnTo: back }));
    response.setHeader('Cache-Control', 'no-store');
    response.redirect(302, url);
  }

  @Get('callback')
  @Public('the provider sends the browser back here to finish logging in')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const oidc = this.provider();
    const pending = decode(cookieOf(request, PENDING_LOGIN_COOKIE));
    // Spent whatever happens next: a code is good once, and so is the login that asked for it.
    clearPendingLoginCookie(response, this.auth.cookies);
    if (pending === undefined) throw refusal('OIDC_LOGIN_FAILED', 'No login is under way in this browser, or it took more than 10 minutes: start it again.');
    const callbackUrl = new URL(request.originalUrl, 'http://callback.invalid');
    const { identity, expiresAt, accessToken } = await oidc.completeLogin(callbackUrl, pending).catch(asRefusal);
    setSessionCookies(response, this.auth.cookies, accessToken, csrfTokenOf(accessToken), expiresAt.toISOString());
    // A page rather than a redirect: the Strict session cookie is sent on a navigation this site starts, not on the
    // end of a redirect chain that began at the provider.
    const target = escapeHtml(pending.returnTo);
    const roles = rolesOf(identity).join(', ') || 'aucun rôle';
    response
      .status(200)
      .setHeader('Cache-Control', 'no-store')
      .type('html')
      .send(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}"><title>Alvéole — connexion</title></head>` +
          `<body><p>Connecté·e en tant que ${escapeHtml(identity.username)} (${escapeHtml(roles)}). <a href="${target}">Continuer</a></p></body></html>`,
      );
  }

  private provider(): OidcVerifier {
    if (this.auth.oidc === undefined) throw notFound('OpenID Connect is not configured on this server (OIDC_ISSUER): log in with POST /api/session.');
    return this.auth.oidc;
  }
}
