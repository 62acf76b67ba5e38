/** The OpenID Connect profile's settings, read from the environment (issue 11, item 3). */

export interface OidcClaimNames {
  roles: string;
  caes: string;
  entrepreneur: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** The `aud` an access token must carry (or its `azp` be the client id) to be accepted as a bearer. */
  audience: string;
  claims: OidcClaimNames;
}

type Env = Readonly<Record<string, string | undefined>>;

const DEFAULT_CLAIMS: OidcClaimNames = {
  roles: 'alveole_roles',
  caes: 'alveole_caes',
  entrepreneur: 'alveole_entrepreneur',
};

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

// An empty variable is treated as unset: shells and compose files often define a variable without a value.
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * undefined when OIDC_ISSUER is unset (the embedded profile); otherwise the settings, with every problem found pushed
 * onto `problems` (so that start-up can report them all at once) rather than thrown.
 */
export function loadOidcConfig(env: Env, problems: string[]): OidcConfig | undefined {
  const issuer = read(env, 'OIDC_ISSUER');
  if (issuer === undefined) return undefined;
  if (!isHttpUrl(issuer)) problems.push(`OIDC_ISSUER must be an http(s) URL (got "${issuer}")`);
  const clientId = read(env, 'OIDC_CLIENT_ID');
  if (clientId === undefined) problems.push('OIDC_CLIENT_ID is required when OIDC_ISSUER is set');
  const clientSecret = read(env, 'OIDC_CLIENT_SECRET');
  if (clientSecret === undefined) problems.push('OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set');
  const redirectUri = read(env, 'OIDC_REDIRECT_URI');
  if (redirectUri === undefined) problems.push('OIDC_REDIRECT_URI is required when OIDC_ISSUER is set');
  else if (!isHttpUrl(redirectUri)) problems.push(`OIDC_REDIRECT_URI must be an http(s) URL (got "${redirectUri}")`);
  const claims: OidcClaimNames = {
    roles: read(env, 'OIDC_ROLES_CLAIM') ?? DEFAULT_CLAIMS.roles,
    caes: read(env, 'OIDC_CAES_CLAIM') ?? DEFAULT_CLAIMS.caes,
    entrepreneur: read(env, 'OIDC_ENTREPRENEUR_CLAIM') ?? DEFAULT_CLAIMS.entrepreneur,
  };
  return {
    issuer,
    clientId: clientId ?? '',
    clientSecret: clientSecret ?? '',
    redirectUri: redirectUri ?? '',
    audience: read(env, 'OIDC_AUDIENCE') ?? clientId ?? '',
    claims,
  };
}
