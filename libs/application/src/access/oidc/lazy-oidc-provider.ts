/**
 * An OidcProvider discovered on first use, and again after a failed discovery: the API starts and serves local
 * credentials while the identity provider is still down, and takes OIDC up on its own once it answers.
 */
import type { CompletedLogin, PendingLogin } from '../authenticator';
import type { Identity } from '../identity';
import { OidcLoginError } from './oidc-login-error';
import type { OidcProvider } from './oidc-provider';

export type OidcEndpoints = Pick<OidcProvider, 'verifyBearer' | 'beginLogin' | 'completeLogin'>;

export class LazyOidcProvider implements OidcEndpoints {
  private provider?: OidcEndpoints;
  private attempt?: Promise<OidcEndpoints | undefined>;
  private failedAt = Number.NEGATIVE_INFINITY;

  /** `retryAfterMs`: least time between two discovery attempts after a failure, so that requests do not hammer a down provider. */
  constructor(
    private readonly discover: () => Promise<OidcEndpoints>,
    private readonly retryAfterMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  async verifyBearer(token: string): Promise<Identity | undefined> {
    return (await this.current())?.verifyBearer(token);
  }

  async beginLogin(): Promise<{ url: string; pending: PendingLogin }> {
    return (await this.required()).beginLogin();
  }

  async completeLogin(callbackUrl: URL, pending: PendingLogin): Promise<CompletedLogin> {
    return (await this.required()).completeLogin(callbackUrl, pending);
  }

  private async required(): Promise<OidcEndpoints> {
    const provider = await this.current();
    if (provider === undefined) throw new OidcLoginError('The identity provider cannot be reached: try again in a moment.');
    return provider;
  }

  private current(): Promise<OidcEndpoints | undefined> {
    if (this.provider !== undefined) return Promise.resolve(this.provider);
    if (this.attempt !== undefined) return this.attempt;
    if (this.now() - this.failedAt < this.retryAfterMs) return Promise.resolve(undefined);
    const attempt = this.discover().then(
      (provider) => (this.provider = provider),
      () => {
        this.failedAt = this.now();
        return undefined;
      },
    );
    this.attempt = attempt;
    void attempt.finally(() => {
      if (this.attempt === attempt) this.attempt = undefined;
    });
    return attempt;
  }
}
