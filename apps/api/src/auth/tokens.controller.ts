import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { scopeNamesCaes } from '../../../../libs/application/src/access/authenticator';
import type { ApiToken } from '../../../../libs/identity';
import { invalid, notFound } from '../api-error';
import { requireJson } from '../json-body';
import { Access } from './access.decorator';
import { AUTH, type AuthContext } from './auth-context';
import { NEW_TOKEN, readBody } from './bodies';

const MANAGE_USERS = () => ({ kind: 'manageUsers' }) as const;

/** A token as listed: its account named, its scope spelt out, never its secret. */
const listed = (token: ApiToken, username: string | undefined) => ({
  tokenId: token.tokenId,
  username: username ?? null,
  role: token.scope.role,
  caes: [...token.scope.caes],
  createdAt: token.createdAt,
  expiresAt: token.expiresAt,
  revokedAt: token.revokedAt ?? null,
});

/** API tokens for integrations (importers, the CLI against a remote server): issued, listed and revoked by an admin. */
@Controller('api/tokens')
export class TokensController {
  constructor(@Inject(AUTH) private readonly auth: AuthContext) {}

  /** The secret is in this answer only: the store keeps its SHA-256. */
  @Post()
  @HttpCode(201)
  @Access(MANAGE_USERS)
  async issue(@Req() request: Request, @Body() body: unknown) {
    requireJson(request);
    const { username, role, caes = [], expiresAt } = readBody(NEW_TOKEN, body, 'token request');
    if (scopeNamesCaes(role) !== caes.length > 0)
      throw invalid(scopeNamesCaes(role) ? `A ${role} token names the CAEs it reaches in "caes".` : `A ${role} token reaches every CAE: "caes" is empty.`, { errors: [{ path: 'caes', message: 'does not fit the role' }], errorCount: 1 });
    const expiry = new Date(expiresAt);
    if (Number.isNaN(expiry.getTime()) || expiry.getTime() <= Date.now())
      throw invalid('A token expires in the future.', { errors: [{ path: 'expiresAt', message: 'must be in the future' }], errorCount: 1 });
    const account = await this.auth.credentials.findByUsername(username);
    if (!account || account.disabledAt !== undefined) throw notFound(`No active account is named "${username}".`);
    const { token, secret } = await this.auth.credentials.issueToken(account.accountId, { role, caes: [...new Set(caes)] }, expiry.toISOString());
    return { token: listed(token, account.username), secret };
  }

  @Get()
  @Access(MANAGE_USERS)
  async list() {
    const usernames = new Map((await this.auth.credentials.listAccounts()).map((account) => [account.accountId, account.username]));
    return { tokens: (await this.auth.credentials.listTokens()).map((token) => listed(token, usernames.get(token.accountId))) };
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @Access(MANAGE_USERS)
  async revoke(@Param('tokenId') tokenId: string): Promise<void> {
    if (!(await this.auth.credentials.revokeToken(tokenId))) throw notFound(`No API token ${tokenId.slice(0, 100)}.`, { tokenId: tokenId.slice(0, 100) });
  }
}
