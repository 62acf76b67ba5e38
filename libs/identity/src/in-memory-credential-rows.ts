import type { AccountRow, CredentialRows, TokenRow } from './credential-rows';

const copyAccount = (row: AccountRow): AccountRow => ({ ...row });
const copyToken = (row: TokenRow): TokenRow => ({ ...row, secretDigest: Buffer.from(row.secretDigest), scope: { ...row.scope, caes: [...row.scope.caes] } });

/** For tests and single-process tools: credentials vanish with the process. Maps keep insertion order. */
export class InMemoryCredentialRows implements CredentialRows {
  private readonly accountsById = new Map<string, AccountRow>();
  private readonly tokensById = new Map<string, TokenRow>();

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

  async forget(accountId: string): Promise<boolean> {
    for (const token of this.tokensById.values()) if (token.accountId === accountId) this.tokensById.delete(token.tokenId);
    return this.accountsById.delete(accountId);
  }

  async close(): Promise<void> {}
}
