/** A browser login through the provider that did not complete; the message is safe to show, the cause is not. */
export class OidcLoginError extends Error {
  readonly code = 'OIDC_LOGIN_FAILED' as const;

  constructor(message = 'The login through the identity provider did not complete: start it again.', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OidcLoginError';
  }
}
