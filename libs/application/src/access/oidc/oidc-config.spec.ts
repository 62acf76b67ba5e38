import { loadOidcConfig } from './oidc-config';

const complete = {
  OIDC_ISSUER: 'http://127.0.0.1:18080/realms/alveole',
  OIDC_CLIENT_ID: 'alveole-api',
  OIDC_CLIENT_SECRET: 'alveole-dev-secret',
  OIDC_REDIRECT_URI: 'http://localhost:3000/api/session/oidc/callback',
};

describe('loadOidcConfig', () => {
  it('is undefined without OIDC_ISSUER (the embedded profile), empty or not, and finds nothing wrong', () => {
    const problems: string[] = [];
    expect(loadOidcConfig({}, problems)).toBeUndefined();
    expect(loadOidcConfig({ OIDC_ISSUER: '  ', OIDC_CLIENT_ID: 'x' }, problems)).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('reads a complete configuration, the audience defaulting to the client id and the claims to alveole_*', () => {
    const problems: string[] = [];
    expect(loadOidcConfig(complete, problems)).toEqual({
      issuer: 'http://127.0.0.1:18080/realms/alveole',
      clientId: 'alveole-api',
      clientSecret: 'alveole-dev-secret',
      redirectUri: 'http://localhost:3000/api/session/oidc/callback',
      audience: 'alveole-api',
      claims: { roles: 'alveole_roles', caes: 'alveole_caes', entrepreneur: 'alveole_entrepreneur' },
    });
    expect(problems).toEqual([]);
  });

  it('takes the audience and the claim names from the environment when given', () => {
    const config = loadOidcConfig(
      {
        ...complete,
        OIDC_AUDIENCE: 'alveole',
        OIDC_ROLES_CLAIM: 'roles',
        OIDC_CAES_CLAIM: 'tenants',
        OIDC_ENTREPRENEUR_CLAIM: 'member',
      },
      [],
    );
    expect(config?.audience).toBe('alveole');
    expect(config?.claims).toEqual({ roles: 'roles', caes: 'tenants', entrepreneur: 'member' });
  });

  it('collects every problem instead of throwing', () => {
    const problems: string[] = [];
    const config = loadOidcConfig({ OIDC_ISSUER: 'ftp://idp.example', OIDC_REDIRECT_URI: 'not a url' }, problems);
    expect(config).toBeDefined();
    expect(problems).toEqual([
      'OIDC_ISSUER must be an http(s) URL (got "ftp://idp.example")',
      'OIDC_CLIENT_ID is required when OIDC_ISSUER is set',
      'OIDC_CLIENT_SECRET is required when OIDC_ISSUER is set',
      'OIDC_REDIRECT_URI must be an http(s) URL (got "not a url")',
    ]);
  });

  it('requires a redirect URI and refuses an issuer that is not a URL at all', () => {
    const problems: string[] = [];
    const { OIDC_REDIRECT_URI: _omitted, ...withoutRedirect } = complete;
    loadOidcConfig({ ...withoutRedirect, OIDC_ISSUER: 'keycloak' }, problems);
    expect(problems).toEqual([
      'OIDC_ISSUER must be an http(s) URL (got "keycloak")',
      'OIDC_REDIRECT_URI is required when OIDC_ISSUER is set',
    ]);
  });
});
