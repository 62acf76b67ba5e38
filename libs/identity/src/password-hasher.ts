import * as argon2 from 'argon2';

/** How passwords become hashes and are checked; a port so that the store's logic is testable without argon2. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Constant-time comparison; false (never a throw) for a wrong password. */
  verify(hash: string, password: string): Promise<boolean>;
  /** True when the hash was made with weaker parameters than today's, so a successful login re-hashes it. */
  needsRehash(hash: string): boolean;
}

/**
 * OWASP's recommended argon2id parameters (Password Storage Cheat Sheet): 19 MiB, 2 passes, 1 lane. Lighter on
 * memory than argon2's defaults (64 MiB, 3 passes, 4 lanes), so concurrent logins cannot exhaust the server.
 */
export const ARGON2ID_PARAMETERS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export class Argon2idHasher implements PasswordHasher {
  async hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2ID_PARAMETERS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password);
  }

  needsRehash(hash: string): boolean {
    const { memoryCost, timeCost, parallelism } = ARGON2ID_PARAMETERS;
    return argon2.needsRehash(hash, { memoryCost, timeCost, parallelism });
  }
}
