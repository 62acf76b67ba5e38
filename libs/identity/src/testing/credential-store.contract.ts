import { API_TOKEN_PREFIX, apiTokenDigest } from '../api-token-secret';
import type { CredentialRows } from '../credential-rows';
import { CredentialStore } from '../credential-store';
import { InvalidCredentialInputError, UnknownAccountError, UsernameTakenError } from '../credentials';
import { SESSION_TOKEN_PREFIX } from '../session-secret';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SCOPE = { role: 'cae_staff', caes: ['coodyssee'] };

/** One behaviour for every adapter, with the real argon2id hasher and a clock the tests move. */
export const credentialStoreContract = (name: string, createRows: () => CredentialRows): void =>
  describe(`CredentialStore contract: ${name}`, () => {
    let clock: Date;
    let store: CredentialStore;
    let rows: CredentialRows;
    beforeEach(() => {
      clock = new Date('2026-03-01T09:00:00.000Z');
      rows = createRows();
      store = new CredentialStore(rows, { now: () => clock });
    });
    afterEach(() => store.close());

    it('creates an account named by a UUID with an argon2id hash, and finds it by username and by id', async () => {
      const account = await store.createAccount('zoé', 'correct horse');
      expect(account).toEqual({ accountId: expect.stringMatching(UUID), username: 'zoé', createdAt: clock.toISOString() });
      expect(account).not.toHaveProperty('passwordHash');
      expect(await store.findById(account.accountId)).toEqual(account);
      expect(await store.findByUsername('ZOÉ')).toEqual(account);
      expect(await store.findByUsername('nobody')).toBeUndefined();
      expect(await store.listAccounts()).toEqual([account]);
    });

    it('refuses a username taken in another case with a typed error', async () => {
      await store.createAccount('Zoé', 'one');
      await expect(store.createAccount('zOÉ', 'two')).rejects.toBeInstanceOf(UsernameTakenError);
      expect(await store.listAccounts()).toHaveLength(1);
      expect(await store.verifyPassword('zoé', 'one')).toMatchObject({ ok: true });
    });

    it('refuses an empty password or username', async () => {
      await expect(store.createAccount('zoé', '')).rejects.toBeInstanceOf(InvalidCredentialInputError);
      await expect(store.createAccount(' zoé', 'pw')).rejects.toBeInstanceOf(InvalidCredentialInputError);
      await expect(store.createAccount('', 'pw')).rejects.toBeInstanceOf(InvalidCredentialInputError);
    });

    it('accepts the right password and refuses a wrong one or an unknown username alike', async () => {
      const account = await store.createAccount('zoé', 'correct horse');
      expect(await store.verifyPassword('Zoé', 'correct horse')).toEqual({ ok: true, account });
      expect(await store.verifyPassword('zoé', 'correct horsE')).toEqual({ ok: false, reason: 'invalid' });
      expect(await store.verifyPassword('zoe', 'correct horse')).toEqual({ ok: false, reason: 'invalid' });
    });

    it('changes a password: the old one is refused, the new one accepted', async () => {
      const account = await store.createAccount('zoé', 'old');
      await store.setPassword(account.accountId, 'new');
      expect(await store.verifyPassword('zoé', 'old')).toEqual({ ok: false, reason: 'invalid' });
      expect(await store.verifyPassword('zoé', 'new')).toMatchObject({ ok: true });
      await expect(store.setPassword('00000000-0000-4000-8000-000000000000', 'x')).rejects.toBeInstanceOf(UnknownAccountError);
    });

    it('disables an account: its password and tokens stop working, the first date is kept', async () => {
      const account = await store.createAccount('zoé', 'pw');
      const { secret } = await store.issueToken(account.accountId, SCOPE, '2026-06-01T00:00:00.000Z');
      await store.disable(account.accountId);
      clock = new Date('2026-03-02T09:00:00.000Z');
      await store.disable(account.accountId);
      expect((await store.findById(account.accountId))?.disabledAt).toBe('2026-03-01T09:00:00.000Z');
      expect(await store.verifyPassword('zoé', 'pw')).toEqual({ ok: false, reason: 'disabled' });
      expect(await store.verifyPassword('zoé', 'wrong')).toEqual({ ok: false, reason: 'invalid' });
      expect(await store.verifyToken(secret)).toEqual({ ok: false, reason: 'disabled' });
      await expect(store.issueToken(account.accountId, SCOPE, '2026-06-01T00:00:00.000Z')).rejects.toBeInstanceOf(InvalidCredentialInputError);
      await expect(store.disable('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(UnknownAccountError);
    });

    it('issues a token shown once (prefix + 32 random bytes in base64url) and verifies it with its scope', async () => {
      const account = await store.createAccount('importer', 'pw');
      const { token, secret } = await store.issueToken(account.accountId, SCOPE, '2026-06-01T00:00:00.000Z');
      expect(secret).toMatch(new RegExp(`^${API_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`));
      expect(Buffer.from(secret.slice(API_TOKEN_PREFIX.length), 'base64url')).toHaveLength(32);
      expect(token).toEqual({
        tokenId: expect.stringMatching(UUID),
        accountId: account.accountId,
        scope: SCOPE,
        createdAt: clock.toISOString(),
        expiresAt: '2026-06-01T00:00:00.000Z',
      });
      expect(await store.verifyToken(secret)).toEqual({ ok: true, token, account });
      expect(await store.listTokens()).toEqual([token]);
      expect(await store.listTokens(account.accountId)).toEqual([token]);
      expect(JSON.stringify(await store.listTokens())).not.toContain(secret.slice(API_TOKEN_PREFIX.length));
      const other = await store.issueToken(account.accountId, SCOPE, '2026-06-01T00:00:00.000Z');
      expect(other.secret).not.toBe(secret);
    });

    it('refuses an unknown, malformed, expired or revoked token with a reason, without throwing', async () => {
      const account = await store.createAccount('importer', 'pw');
      const expiring = await store.issueToken(account.accountId, SCOPE, '2026-03-01T10:00:00.000Z');
      const revoked = await store.issueToken(account.accountId, SCOPE, '2026-06-01T00:00:00.000Z');
      const tampered = expiring.secret.slice(0, -1) + (expiring.secret.endsWith('A') ? 'B' : 'A');
      expect(await store.verifyToken(tampered)).toEqual({ ok: false, reason: 'unknown' });
      expect(await store.verifyToken('not a token')).toEqual({ ok: false, reason: 'unknown' });
      expect(await store.revokeToken(revoked.token.tokenId)).toBe(true);
      expect(await store.verifyToken(revoked.secret)).toEqual({ ok: false, reason: 'revoked' });
      expect(await store.revokeToken('00000000-0000-4000-8000-000000000000')).toBe(false);
      expect(await store.verifyToken(expiring.secret)).toMatchObject({ ok: true });
      clock = new Date('2026-03-01T10:00:00.000Z');
      expect(await store.verifyToken(expiring.secret)).toEqual({ ok: false, reason: 'expired' });
      expect((await store.listTokens()).map((token) => token.revokedAt)).toEqual([undefined, '2026-03-01T09:00:00.000Z']);
    });

    it('refuses to issue a token already expired, or for an unknown account', async () => {
      const account = await store.createAccount('importer', 'pw');
      await expect(store.issueToken(account.accountId, SCOPE, clock.toISOString())).rejects.toBeInstanceOf(InvalidCredentialInputError);
      await expect(store.issueToken(account.accountId, SCOPE, 'soon')).rejects.toBeInstanceOf(InvalidCredentialInputError);
      await expect(store.issueToken('00000000-0000-4000-8000-000000000000', SCOPE, '2027-01-01T00:00:00.000Z')).rejects.toBeInstanceOf(UnknownAccountError);
      expect(await store.listTokens()).toEqual([]);
    });

    it('forgets an account with its tokens and nothing else', async () => {
      const forgotten = await store.createAccount('zoé', 'pw');
      const kept = await store.createAccount('paul', 'pw');
      const { secret } = await store.issueToken(forgotten.accountId, SCOPE, '2026-06-01T00:00:00.000Z');
      const keptToken = await store.issueToken(kept.accountId, SCOPE, '2026-06-01T00:00:00.000Z');
      expect(await store.forget(forgotten.accountId)).toBe(true);
      expect(await store.forget(forgotten.accountId)).toBe(false);
      expect(await store.findById(forgotten.accountId)).toBeUndefined();
      expect(await store.verifyPassword('zoé', 'pw')).toEqual({ ok: false, reason: 'invalid' });
      expect(await store.verifyToken(secret)).toEqual({ ok: false, reason: 'unknown' });
      expect(await store.listTokens()).toEqual([keptToken.token]);
      expect(await store.listAccounts()).toEqual([kept]);
      await store.createAccount('Zoé', 'again');
      expect(await store.verifyPassword('zoé', 'again')).toMatchObject({ ok: true });
    });

    describe('sessions', () => {
      it('opens a session of 8 hours by default, its secret shown once and stored as its SHA-256', async () => {
        const account = await store.createAccount('zoé', 'pw');
        const { session, secret } = await store.openSession(account.accountId);
        expect(secret).toMatch(new RegExp(`^${SESSION_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`));
        expect(session).toEqual({ sessionId: expect.stringMatching(UUID), accountId: account.accountId, createdAt: clock.toISOString(), expiresAt: '2026-03-01T17:00:00.000Z' });
        expect(await rows.sessionByDigest(apiTokenDigest(secret))).toEqual({ ...session, secretDigest: apiTokenDigest(secret) });
        expect(await store.verifySession(secret)).toEqual({ ok: true, session, account });
        expect((await store.openSession(account.accountId)).secret).not.toBe(secret);
      });

      it('lasts what the options say', async () => {
        const short = new CredentialStore(createRows(), { now: () => clock, sessionTtlMs: 60_000 });
        const account = await short.createAccount('zoé', 'pw');
        expect((await short.openSession(account.accountId)).session.expiresAt).toBe('2026-03-01T09:01:00.000Z');
        await short.close();
        expect(() => new CredentialStore(createRows(), { sessionTtlMs: 0 })).toThrow(InvalidCredentialInputError);
      });

      it('refuses a session once expired, and deletes it', async () => {
        const account = await store.createAccount('zoé', 'pw');
        const { session, secret } = await store.openSession(account.accountId);
        clock = new Date('2026-03-01T16:59:59.999Z');
        expect(await store.verifySession(secret)).toMatchObject({ ok: true });
        clock = new Date(session.expiresAt);
        expect(await store.verifySession(secret)).toEqual({ ok: false, reason: 'expired' });
        expect(await rows.sessionByDigest(apiTokenDigest(secret))).toBeUndefined();
        expect(await store.verifySession(secret)).toEqual({ ok: false, reason: 'unknown' });
      });

      it('sweeps the expired sessions when a new one opens', async () => {
        const account = await store.createAccount('zoé', 'pw');
        const old = await store.openSession(account.accountId);
        clock = new Date('2026-03-02T09:00:00.000Z');
        await store.openSession(account.accountId);
        expect(await rows.sessionByDigest(apiTokenDigest(old.secret))).toBeUndefined();
      });

      it('ends a session on logout: deleted, its secret refused; an unknown or malformed secret ends nothing', async () => {
        const account = await store.createAccount('zoé', 'pw');
        const ended = await store.openSession(account.accountId);
        const kept = await store.openSession(account.accountId);
        expect(await store.endSession(ended.secret)).toBe(true);
        expect(await store.endSession(ended.secret)).toBe(false);
        expect(await store.endSession('not a session')).toBe(false);
        expect(await store.endSession(kept.secret.slice(0, -1) + (kept.secret.endsWith('A') ? 'B' : 'A'))).toBe(false);
        expect(await rows.sessionByDigest(apiTokenDigest(ended.secret))).toBeUndefined();
        expect(await store.verifySession(ended.secret)).toEqual({ ok: false, reason: 'unknown' });
        expect(await store.verifySession(kept.secret)).toMatchObject({ ok: true });
      });

      it('refuses an API token as a session and a session as an API token', async () => {
        const account = await store.createAccount('zoé', 'pw');
        const { secret } = await store.openSession(account.accountId);
        const token = await store.issueToken(account.accountId, SCOPE, '2026-06-01T00:00:00.000Z');
        expect(await store.verifyToken(secret)).toEqual({ ok: false, reason: 'unknown' });
        expect(await store.verifySession(token.secret)).toEqual({ ok: false, reason: 'unknown' });
      });

      it('deletes the sessions of an account disabled, and opens none for it', async () => {
        const account = await store.createAccount('zoé', 'pw');
        const other = await store.createAccount('paul', 'pw');
        const { secret } = await store.openSession(account.accountId);
        const kept = await store.openSession(other.accountId);
        await store.disable(account.accountId);
        expect(await rows.sessionByDigest(apiTokenDigest(secret))).toBeUndefined();
        expect(await store.verifySession(secret)).toEqual({ ok: false, reason: 'unknown' });
        expect(await store.verifySession(kept.secret)).toMatchObject({ ok: true });
        await expect(store.openSession(account.accountId)).rejects.toBeInstanceOf(InvalidCredentialInputError);
        await expect(store.openSession('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(UnknownAccountError);
      });

      it('deletes the sessions of an account forgotten, and ends all of an account on request', async () => {
        const forgotten = await store.createAccount('zoé', 'pw');
        const other = await store.createAccount('paul', 'pw');
        const { secret } = await store.openSession(forgotten.accountId);
        const first = await store.openSession(other.accountId);
        const second = await store.openSession(other.accountId);
        await store.forget(forgotten.accountId);
        expect(await rows.sessionByDigest(apiTokenDigest(secret))).toBeUndefined();
        expect(await store.endSessionsOf(other.accountId)).toBe(2);
        expect(await store.verifySession(first.secret)).toEqual({ ok: false, reason: 'unknown' });
        expect(await store.verifySession(second.secret)).toEqual({ ok: false, reason: 'unknown' });
      });
    });
  });
