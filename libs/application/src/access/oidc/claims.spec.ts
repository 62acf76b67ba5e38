import { identityFromClaims } from './claims';

const names = { roles: 'alveole_roles', caes: 'alveole_caes', entrepreneur: 'alveole_entrepreneur' };

describe('identityFromClaims', () => {
  it('names the account oidc:<sub> and the user by preferred_username, else by sub', () => {
    expect(identityFromClaims({ sub: 'u-1', preferred_username: 'admin' }, names)).toEqual({
      accountId: 'oidc:u-1',
      username: 'admin',
      grants: [],
    });
    expect(identityFromClaims({ sub: 'u-2' }, names)?.username).toBe('u-2');
  });

  it('has no identity without a subject', () => {
    expect(identityFromClaims({ preferred_username: 'admin', alveole_roles: ['network_admin'] }, names)).toBeUndefined();
    expect(identityFromClaims({ sub: 42 }, names)).toBeUndefined();
  });

  it('grants the network roles', () => {
    expect(identityFromClaims({ sub: 's', alveole_roles: ['network_admin'] }, names)?.grants).toEqual([
      { role: 'network_admin' },
    ]);
    expect(identityFromClaims({ sub: 's', alveole_roles: 'network_auditor' }, names)?.grants).toEqual([
      { role: 'network_auditor' },
    ]);
  });

  it('grants cae_staff for each CAE of the caes claim, once each', () => {
    const identity = identityFromClaims(
      { sub: 's', alveole_roles: ['cae_staff'], alveole_caes: ['coodyssee', 'ozon', 'coodyssee'] },
      names,
    );
    expect(identity?.grants).toEqual([
      { role: 'cae_staff', caeId: 'coodyssee' },
      { role: 'cae_staff', caeId: 'ozon' },
    ]);
    expect(identityFromClaims({ sub: 's', alveole_roles: ['cae_staff'] }, names)?.grants).toEqual([]);
  });

  it('grants entrepreneur only with exactly one CAE and an entrepreneur claim', () => {
    const base = { sub: 's', alveole_roles: ['entrepreneur'] };
    expect(identityFromClaims({ ...base, alveole_caes: 'coodyssee', alveole_entrepreneur: 'e-001' }, names)?.grants).toEqual([
      { role: 'entrepreneur', caeId: 'coodyssee', entrepreneurId: 'e-001' },
    ]);
    expect(identityFromClaims({ ...base, alveole_caes: ['coodyssee'], alveole_entrepreneur: ['e-001'] }, names)?.grants).toEqual([
      { role: 'entrepreneur', caeId: 'coodyssee', entrepreneurId: 'e-001' },
    ]);
    expect(identityFromClaims({ ...base, alveole_caes: ['coodyssee', 'ozon'], alveole_entrepreneur: 'e-001' }, names)?.grants).toEqual([]);
    expect(identityFromClaims({ ...base, alveole_caes: ['coodyssee'] }, names)?.grants).toEqual([]);
    expect(identityFromClaims({ ...base, alveole_entrepreneur: 'e-001' }, names)?.grants).toEqual([]);
  });

  it('ignores unknown roles and values that are not strings', () => {
    const identity = identityFromClaims(
      { sub: 's', alveole_roles: ['superuser', 7, { role: 'network_admin' }, 'cae_staff'], alveole_caes: [null, 'ozon'] },
      names,
    );
    expect(identity?.grants).toEqual([{ role: 'cae_staff', caeId: 'ozon' }]);
    expect(identityFromClaims({ sub: 's', alveole_roles: { network_admin: true } }, names)?.grants).toEqual([]);
  });

  it('reads the claims named in the configuration', () => {
    const identity = identityFromClaims(
      { sub: 's', roles: ['entrepreneur'], tenants: ['ozon'], member: 'e-9', alveole_roles: ['network_admin'] },
      { roles: 'roles', caes: 'tenants', entrepreneur: 'member' },
    );
    expect(identity?.grants).toEqual([{ role: 'entrepreneur', caeId: 'ozon', entrepreneurId: 'e-9' }]);
  });
});
