import { given } from '../testing/given';
import { accessGranted, accessRevoked, caeRegistered, entrepreneurExited, entrepreneurIntegrated, networkRoleGranted, networkRoleRevoked } from '../testing/events';
import { accessProjection } from './projection';
import { accessRegister, grantsOf } from './queries';

const staffGranted = accessGranted({ accountId: 'acc-002', role: 'cae_staff', entrepreneurId: undefined, grantedOn: '2016-01-04' });
const grantOf = (register: Awaited<ReturnType<typeof accessRegister>>, accountId: string) => register?.accounts.find((a) => a.accountId === accountId)?.grants;

describe('the access register', () => {
  it('given Coodyssée, when nobody was granted anything, then the register is empty; an unknown CAE has none', async () => {
    const docs = await given(accessProjection).when(caeRegistered());
    expect(await accessRegister(docs, 'coodyssee')).toEqual({ caeId: 'coodyssee', accounts: [] });
    expect(await accessRegister(docs, 'oxalis')).toBeUndefined();
  });

  it('given e-001 integrated, when her account is granted the entrepreneur role, then it is in force', async () => {
    const docs = await given(accessProjection, caeRegistered(), entrepreneurIntegrated()).when(accessGranted());
    expect(await accessRegister(docs, 'coodyssee')).toEqual({
      caeId: 'coodyssee',
      accounts: [{ accountId: 'acc-001', grants: [{ role: 'entrepreneur', entrepreneurId: 'e-001', grantedOn: '2016-01-12', endedOn: null, endReason: null }] }],
    });
  });

  it('given her grant, when it is revoked on 20 Dec on request, then it ended then, for that reason', async () => {
    const docs = await given(accessProjection, caeRegistered(), entrepreneurIntegrated(), accessGranted()).when(accessRevoked());
    expect(grantOf(await accessRegister(docs, 'coodyssee'), 'acc-001')).toEqual([
      { role: 'entrepreneur', entrepreneurId: 'e-001', grantedOn: '2016-01-12', endedOn: '2016-12-20', endReason: 'request' },
    ]);
  });

  it('given her grant, when she exits on 30 Dec, then the grant ended on the exit date with reason exit, without a command', async () => {
    const docs = await given(accessProjection, caeRegistered(), entrepreneurIntegrated(), accessGranted()).when(entrepreneurExited());
    expect(grantOf(await accessRegister(docs, 'coodyssee'), 'acc-001')).toEqual([
      { role: 'entrepreneur', entrepreneurId: 'e-001', grantedOn: '2016-01-12', endedOn: '2016-12-30', endReason: 'exit' },
    ]);
  });

  it('given her exit on 30 Dec, when a grant back-dated to 1 Dec reaches the log afterwards, then the exit still ends it', async () => {
    const docs = await given(accessProjection, caeRegistered(), entrepreneurIntegrated(), entrepreneurExited()).when(accessGranted({ grantedOn: '2016-12-01' }));
    expect(grantOf(await accessRegister(docs, 'coodyssee'), 'acc-001')).toMatchObject([{ grantedOn: '2016-12-01', endedOn: '2016-12-30', endReason: 'exit' }]);
  });

  it('given her exit and return, when granted again in the new stay, then the first grant ended with the exit and the second is in force', async () => {
    const docs = await given(accessProjection, caeRegistered(), entrepreneurIntegrated(), accessGranted(), entrepreneurExited(), entrepreneurIntegrated({ integratedOn: '2017-03-01' })).when(
      accessGranted({ grantedOn: '2017-03-01' }),
    );
    expect(grantOf(await accessRegister(docs, 'coodyssee'), 'acc-001')).toMatchObject([
      { grantedOn: '2016-01-12', endedOn: '2016-12-30', endReason: 'exit' },
      { grantedOn: '2017-03-01', endedOn: null, endReason: null },
    ]);
  });

  it('given a staff grant, when the entrepreneur exits, then the staff grant is not ended; a revocation without reason reads revoked', async () => {
    const docs = await given(accessProjection, caeRegistered(), entrepreneurIntegrated(), staffGranted, entrepreneurExited()).when(
      accessRevoked({ accountId: 'acc-002', role: 'cae_staff', entrepreneurId: undefined, revokedOn: '2017-01-31', reason: undefined }),
    );
    expect(grantOf(await accessRegister(docs, 'coodyssee'), 'acc-002')).toEqual([
      { role: 'cae_staff', entrepreneurId: null, grantedOn: '2016-01-04', endedOn: '2017-01-31', endReason: 'revoked' },
    ]);
  });
});

describe('the grants an account holds on a day (what a request is judged on)', () => {
  it('given her grant of 12 Jan, then she holds it from that day and not the day before', async () => {
    const docs = await given(accessProjection, caeRegistered(), entrepreneurIntegrated()).when(accessGranted());
    expect(await grantsOf(docs, 'acc-001', '2016-01-11')).toEqual([]);
    expect(await grantsOf(docs, 'acc-001', '2016-01-12')).toEqual([{ role: 'entrepreneur', caeId: 'coodyssee', entrepreneurId: 'e-001' }]);
    expect(await grantsOf(docs, 'nobody', '2016-01-12')).toEqual([]);
  });

  it('given her exit on 30 Dec, then she holds nothing from the exit date on, while a staff grant of the CAE stays', async () => {
    const docs = await given(accessProjection, caeRegistered(), entrepreneurIntegrated(), accessGranted(), accessGranted({ accountId: 'acc-001', role: 'cae_staff', entrepreneurId: undefined, grantedOn: '2016-02-01' })).when(entrepreneurExited());
    expect(await grantsOf(docs, 'acc-001', '2016-12-29')).toEqual([
      { role: 'entrepreneur', caeId: 'coodyssee', entrepreneurId: 'e-001' },
      { role: 'cae_staff', caeId: 'coodyssee' },
    ]);
    expect(await grantsOf(docs, 'acc-001', '2016-12-30')).toEqual([{ role: 'cae_staff', caeId: 'coodyssee' }]);
  });

  it('given a staff grant revoked on 31 Jan 2017, then it is held until the day before', async () => {
    const docs = await given(accessProjection, caeRegistered(), staffGranted).when(
      accessRevoked({ accountId: 'acc-002', role: 'cae_staff', entrepreneurId: undefined, revokedOn: '2017-01-31', reason: 'departure' }),
    );
    expect(await grantsOf(docs, 'acc-002', '2017-01-30')).toEqual([{ role: 'cae_staff', caeId: 'coodyssee' }]);
    expect(await grantsOf(docs, 'acc-002', '2017-01-31')).toEqual([]);
  });

  it('given the auditor role granted on 4 Jan 2016 and revoked on 31 Dec, then it is held in between, in no CAE register', async () => {
    const docs = await given(accessProjection, caeRegistered(), networkRoleGranted()).when(networkRoleRevoked());
    expect(await grantsOf(docs, 'acc-900', '2016-01-03')).toEqual([]);
    expect(await grantsOf(docs, 'acc-900', '2016-01-04')).toEqual([{ role: 'network_auditor' }]);
    expect(await grantsOf(docs, 'acc-900', '2016-12-31')).toEqual([]);
    expect(await accessRegister(docs, 'coodyssee')).toEqual({ caeId: 'coodyssee', accounts: [] });
  });
});
