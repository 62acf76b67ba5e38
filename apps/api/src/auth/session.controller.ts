import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { rolesOf } from '../../../../libs/application/src/access/authenticator';
import { usernameKey } from '../../../../libs/identity/src/credentials';
import { ApiError } from '../api-error';
import { requireJson } from '../json-body';
import { Authenticated, Public } from './access.decorator';
import { AUTH, type AuthContext } from './auth-context';
import type { Identity } from '../../../../libs/application';
import { askedOf, Caller } from './caller';
import { clearSessionCookies, setSessionCookies } from './cookies';
import { csrfTokenOf } from './csrf';
import { LOGIN, readBody } from './bodies';

// The same answer for an unknown username, a wrong password and a disabled account: none tells which.
const invalidCredentials = () => new ApiError(401, 'INVALID_CREDENTIALS', 'Wrong username or password.');

/** POST /api/session logs in with a local account; GET /api/session says who is asking; DELETE /api/session logs out. */
@Controller('api/session')
export class SessionController {
  constructor(@Inject(AUTH) private readonly auth: AuthContext) {}

  @Post()
  @HttpCode(200)
  @Public('logging in is how one gets credentials')
  async login(@Req() request: Request, @Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    requireJson(request);
    const { username, password } = readBody(LOGIN, body, 'login');
    const { credentials, throttle } = this.auth;
    const key = usernameKey(username);
    const address = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    const wait = throttle.waitFor(key, address);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new ApiError(429, 'TOO_MANY_ATTEMPTS', `Too many failed logins: try again in ${seconds} s.`, { retryAfterSeconds: seconds }, { 'Retry-After': String(seconds) });
    }
    const check = await credentials.verifyPassword(username, password);
    if (!check.ok) {
      throttle.failed(key, address);
      throw invalidCredentials();
    }
    throttle.succeeded(key);
    const { session, secret } = await credentials.openSession(check.account.accountId);
    const grants = await this.auth.grantsOf(check.account.accountId);
    setSessionCookies(response, this.auth.cookies, secret, csrfTokenOf(secret), session.expiresAt);
    return { token: secret, expiresAt: session.expiresAt, user: { username: check.account.username, roles: rolesOf({ ...check.account, grants }) } };
  }

  @Get()
  @Authenticated('one reads who one is')
  whoAmI(@Caller() identity: Identity) {
    return { username: identity.username, roles: rolesOf(identity), grants: identity.grants };
  }

  @Delete()
  @HttpCode(204)
  @Authenticated('one ends one\'s own session')
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const { sessionSecret } = askedOf(request);
    // An API token or a JWT has no session here: nothing to delete, the cookies are cleared all the same.
    if (sessionSecret !== undefined) await this.auth.credentials.endSession(sessionSecret);
    clearSessionCookies(response, this.auth.cookies);
  }
}
