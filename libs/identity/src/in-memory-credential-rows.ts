import type { AccountRow, CredentialRows, SessionRow, TokenRow } from './credential-rows';

const copyAccount = (row: AccountRow): AccountRow => ({ ...row });
const copySession = (row: SessionRow): SessionRow => ({ ...row, secretDigest: Buffer.from(row.secretDigest) });
const copyToken = (row: TokenRow): TokenRow => ({ ...row, secretDigest: Buffer.from(row.secretDigest), scope: { ...row.scope, caes: [...row.scope.caes] } });

/** For tests and single-process tools: credentials vanish with the process. Maps keep insertion order. */
export class InMemoryCredentialRows implements CredentialRows {
  private readonly accountsById = new Map<string, AccountRow>();
  private readonly tokensById = new Map<string, TokenRow>();
  private readonly sessionsById = new Map<string, SessionRow>();

  async insertAccount(row: AccountRow): Promise<boolean> {
    if ([...this.accountsById.values()].some((account) => account.usernameKey === row.usernameKey)) return false;
    this.accountsById.set(row.accountId, copyAccount(row));
    return true;
  }

  async accountById(accountId: string): Promise<AccountRow | undefined> {
    const row = this.accountsById.get(accountId);
    return row && copyAccount(row);
  }

  async accountByUsernameKey(usernameKey: string): Promise<AccountRow | undefined> {
    const row = [...this.accountsById.values()].find((account) => account.usernameKey === usernameKey);
    return row && copyAccount(row);
  }

  async accounts(): Promise<AccountRow[]> {
    return [...this.accountsById.values()].map(copyAccount);
  }

  async setPasswordHash(accountId: string, passwordHash: string): Promise<boolean> {
    const row = this.accountsById.get(accountId);
    if (row) row.passwordHash = passwordHash;
    return row !== undefined;
  }

  async disable(accountId: string, at: string): Promise<boolean> {
    const row = this.accountsById.get(accountId);
    if (row) row.disabledAt ??= at;
    return row !== undefined;
  }

  async insertToken(row: TokenRow): Promise<void> {
    this.tokensById.set(row.tokenId, copyToken(row));
  }

  async tokenByDigest(secretDigest: Buffer): Promise<TokenRow | undefined> {
    const row = [...this.tokensById.values()].find((token) => token.secretDigest.equals(secretDigest));
    return row && copyToken(row);
  }

  async tokens(accountId?: string): Promise<TokenRow[]> {
    const all = [...this.tokensById.values()];
    return (accountId === undefined ? all : all.filter((token) => token.accountId === accountId)).map(copyToken);
  }

  async revokeToken(tokenId: string, at: string): Promise<boolean> {
    const row = this.tokensById.get(tokenId);
    if (row) row.revokedAt ??= at;
    return row !== undefined;
  }

  async insertSession(row: SessionRow): Promise<void> {
    this.sessionsById.set(row.sessionId, copySession(row));
  }

  async sessionByDigest(secretDigest: Buffer): Promise<SessionRow | undefined> {
    const row = [...this.sessionsById.values()].find((session) => session.secretDigest.equals(secretDigest));
    return row && copySession(row);
  }

  async deleteSession(sessionId: string): Promise<boolean> {
    return this.sessionsById.delete(sessionId);
  }

  async deleteSessionsOf(accountId: string): Promise<number> {
    return this.deleteSessionsWhere((session) => session.accountId === accountId);
  }

  async deleteSessionsExpiredAt(at: string): Promise<number> {
    return this.deleteSessionsWhere((session) => session.expiresAt <= at);
  }

  async forget(accountId: string): Promise<boolean> {
    await this.deleteSessionsOf(accountId);
    for (const token of this.tokensById.values()) if (token.accountId === accountId) this.tokensById.delete(token.tokenId);
    return this.accountsById.delete(accountId);
  }

  async close(): Promise<void> {}

  private deleteSessionsWhere(matches: (session: SessionRow) => boolean): number {
    const ended = [...this.sessionsById.values()].filter(matches);
    for (const session of ended) this.sessionsById.delete(session.sessionId);
    return ended.length;
  }
}
