import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { authorize } from '../../../../libs/application';
import { ApiError, forbidden, refusal, unauthenticated } from '../api-error';
import { AUTH, type AuthContext } from './auth-context';
import { askedOf, type Asked } from './caller';
import { ACCESS_RULE, type AccessRule } from './access.decorator';
import { CSRF_HEADER, SESSION_COOKIE, cookieOf } from './cookies';
import { csrfTokenMatches, SAFE_METHODS } from './csrf';

interface Presented {
  secret: string;
  by: 'header' | 'cookie';
}

const BEARER = /^Bearer +([\x21-\x7e]{1,4096})$/i;

/** The credentials of a request: the Authorization header wins over the cookie (it needs no CSRF token). */
const presented = (request: Request): Presented | undefined | ApiError => {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = BEARER.exec(header.trim());
    return match ? { secret: match[1]!, by: 'header' } : unauthenticated('The Authorization header must be "Bearer <token>".');
  }
  const cookie = cookieOf(request, SESSION_COOKIE);
  return cookie ? { secret: cookie, by: 'cookie' } : undefined;
};

const REFUSED = {
  unknown: 'The token is not valid: log in again (POST /api/session) or use a valid API token.',
  expired: 'The session or token has expired: log in again (POST /api/session).',
  revoked: 'The API token has been revoked.',
  disabled: 'The account is disabled.',
} as const;

/**
 * The one gate of every route: who is asking (a session, an API token or a provider's JWT), then the policy's
 * verdict on the action the route declares. A route that declares nothing is refused, not opened.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH) private readonly auth: AuthContext,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<Request>();
    const asked = askedOf(request);
    if (rule === undefined) throw refusal('INTERNAL_ERROR', 'This route declares no access rule, so it answers nobody.');
    if (rule.kind === 'public') {
      // Credentials on a public route only add to its answer (health's details): bad ones are ignored here.
      await this.identify(request, asked).catch(() => undefined);
      return true;
    }
    const identity = await this.identify(request, asked);
    if (rule.kind === 'action') {
      const verdict = authorize(identity, rule.of(request));
      if (!verdict.allowed) throw forbidden(verdict.reason);
      asked.authorization = verdict;
    }
    return true;
  }

  private async identify(request: Request, asked: Asked) {
    const credentials = presented(request);
    if (credentials instanceof ApiError) throw credentials;
    if (credentials === undefined) throw unauthenticated('Log in first: POST /api/session, then send its token as "Authorization: Bearer <token>" or its cookie.');
    const authentication = await this.auth.authenticator.authenticate(credentials.secret);
    if (!authentication.ok) throw unauthenticated(REFUSED[authentication.reason]);
    // A cookie rides along with any request the browser makes, a forged one included: it must bring the header too.
    if (credentials.by === 'cookie' && !SAFE_METHODS.has(request.method) && !csrfTokenMatches(credentials.secret, headerOf(request, CSRF_HEADER)))
      throw refusal('CSRF_TOKEN_INVALID', 'A request authenticated by the session cookie must send the alveole_csrf cookie\'s value as the X-CSRF-Token header.');
    asked.authentication = authentication;
    if (authentication.via === 'session') asked.sessionSecret = credentials.secret;
    return authentication.identity;
  }
}

const headerOf = (request: Request, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
