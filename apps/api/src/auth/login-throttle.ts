export interface LoginThrottleOptions {
  /** Failures allowed for one username before the delays begin (counted alike whether the username exists). */
  perUsername?: number;
  /** Failures allowed from one client address (many usernames tried from one place). */
  perAddress?: number;
  /** The first delay; each further failure doubles it. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A key quiet this long starts again from zero. */
  forgetAfterMs?: number;
  /** How many keys are tracked at most: a spray of random usernames cannot fill the memory. */
  maxKeys?: number;
  now?: () => number;
}

interface Failures {
  count: number;
  lastAt: number;
  blockedUntil: number;
}

/**
 * Failed logins per username and per client address, in this process's memory (a restart forgets them; several
 * API processes each count their own). Past the allowance every failure doubles the wait, up to maxDelayMs.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();
  private readonly options: Required<LoginThrottleOptions>;

  constructor(options: LoginThrottleOptions = {}) {
    this.options = {
      perUsername: 5,
      perAddress: 20,
      baseDelayMs: 1000,
      maxDelayMs: 15 * 60 * 1000,
      forgetAfterMs: 15 * 60 * 1000,
      maxKeys: 10_000,
      now: () => Date.now(),
      ...options,
    };
  }

  /** Milliseconds before this login may be tried, or 0 when it may now. */
  waitFor(usernameKey: string, address: string): number {
    const now = this.options.now();
    return Math.max(0, ...this.keysOf(usernameKey, address).map(([key]) => (this.current(key, now)?.blockedUntil ?? now) - now));
  }

  failed(usernameKey: string, address: string): void {
    const now = this.options.now();
    for (const [key, allowance] of this.keysOf(usernameKey, address)) {
      const count = (this.current(key, now)?.count ?? 0) + 1;
      const delay = count < allowance ? 0 : Math.min(this.options.baseDelayMs * 2 ** (count - allowance), this.options.maxDelayMs);
      this.failures.delete(key);
      this.failures.set(key, { count, lastAt: now, blockedUntil: now + delay });
    }
    this.bound(now);
  }

  /** The username's count starts again; the address's does not, or one good account would unlock a spray. */
  succeeded(usernameKey: string): void {
    this.failures.delete(`user:${usernameKey}`);
  }

  private keysOf(usernameKey: string, address: string): [string, number][] {
    return [
      [`user:${usernameKey}`, this.options.perUsername],
      [`address:${address}`, this.options.perAddress],
    ];
  }

  private current(key: string, now: number): Failures | undefined {
    const entry = this.failures.get(key);
    if (entry && now - entry.lastAt >= this.options.forgetAfterMs && now >= entry.blockedUntil) {
      this.failures.delete(key);
      return undefined;
    }
    return entry;
  }

  // Entries are kept in order of their last failure: the oldest go first.
  private bound(now: number): void {
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.options.maxKeys) return;
      this.current(key, now);
      if (this.failures.size > this.options.maxKeys) this.failures.delete(key);
    }
  }
}
