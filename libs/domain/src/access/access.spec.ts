import type { Command, GrantAccess, IsoDate, RevokeAccess } from '../commands';
import { aliceIntegrated, CAE, exitEntrepreneur, given, integrate, registerCae } from '../testing';

const grant = (role: GrantAccess['role'], grantedOn: IsoDate, entrepreneurId?: string, accountId = 'acc-1'): Command => ({
  type: 'GrantAccess',
  data: { caeId: CAE, accountId, role, grantedOn, ...(entrepreneurId !== undefined && { entrepreneurId }) },
});
const revoke = (role: RevokeAccess['role'], revokedOn: IsoDate, entrepreneurId?: string, reason?: RevokeAccess['reason']): Command => ({
  type: 'RevokeAccess',
  data: { caeId: CAE, accountId: 'acc-1', role, revokedOn, ...(entrepreneurId !== undefined && { entrepreneurId }), ...(reason !== undefined && { reason }) },
});

describe('granting access', () => {
  it('given Coodyssée, when granting the staff role, then AccessGranted in the account’s own stream', async () => {
    await given(registerCae())
      .when(grant('cae_staff', '2016-01-04'))
      .then([{ type: 'AccessGranted', data: { caeId: CAE, accountId: 'acc-1', role: 'cae_staff', grantedOn: '2016-01-04' } }]);
  });

  it('given Alice integrated on 4 Jan, when granting her the entrepreneur role on 5 Jan, then it names her', async () => {
    await given(aliceIntegrated)
      .when(grant('entrepreneur', '2016-01-05', 'alice'))
      .then([{ type: 'AccessGranted', data: { caeId: CAE, accountId: 'acc-1', role: 'entrepreneur', entrepreneurId: 'alice', grantedOn: '2016-01-05' } }]);
  });

  it('given no CAE, when granting, then NOT_FOUND', async () => {
    await given().when(grant('cae_staff', '2016-01-04')).thenRejects('NOT_FOUND');
  });

  it('given Coodyssée, when granting the entrepreneur role for an unknown entrepreneur, then NOT_FOUND', async () => {
    await given(registerCae()).when(grant('entrepreneur', '2016-01-05', 'bob')).thenRejects('NOT_FOUND');
  });

  it('given Alice integrated on 4 Jan, when granting her access as of 3 Jan, then DATE_BEFORE_INTEGRATION', async () => {
    await given(aliceIntegrated).when(grant('entrepreneur', '2016-01-03', 'alice')).thenRejects('DATE_BEFORE_INTEGRATION');
  });

  it('given Alice exited on 1 May, when granting her access on 2 May, then ENTREPRENEUR_NOT_ACTIVE', async () => {
    await given(aliceIntegrated, exitEntrepreneur('alice', '2016-05-01')).when(grant('entrepreneur', '2016-05-02', 'alice')).thenRejects('ENTREPRENEUR_NOT_ACTIVE');
  });

  it('given a staff grant, when granting the staff role again, then ACCESS_ALREADY_GRANTED', async () => {
    await given(registerCae(), grant('cae_staff', '2016-01-04')).when(grant('cae_staff', '2016-02-01')).thenRejects('ACCESS_ALREADY_GRANTED');
  });

  it('given a staff grant, when the same account is also granted Alice’s entrepreneur role, then it is another scope', async () => {
    await given(aliceIntegrated, grant('cae_staff', '2016-01-04'))
      .when(grant('entrepreneur', '2016-01-05', 'alice'))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['AccessGranted']));
  });

  it('given a staff grant of 1 Feb, when granting on 31 Jan, then DATE_OUT_OF_ORDER', async () => {
    await given(aliceIntegrated, grant('cae_staff', '2016-02-01')).when(grant('entrepreneur', '2016-01-31', 'alice')).thenRejects('DATE_OUT_OF_ORDER');
  });

  it('given Alice’s grant ended by her exit, when she returns and is granted again, then it is accepted (the exit ended the first)', async () => {
    await given(aliceIntegrated, grant('entrepreneur', '2016-01-05', 'alice'), exitEntrepreneur('alice', '2016-05-01'), integrate('alice', '2016-09-01'))
      .when(grant('entrepreneur', '2016-09-01', 'alice'))
      .then((events) => expect(events[0]?.data).toMatchObject({ role: 'entrepreneur', grantedOn: '2016-09-01' }));
  });
});

describe('revoking access', () => {
  it('given a staff grant, when revoking it for a departure, then AccessRevoked with the reason', async () => {
    await given(registerCae(), grant('cae_staff', '2016-01-04'))
      .when(revoke('cae_staff', '2016-06-30', undefined, 'departure'))
      .then([{ type: 'AccessRevoked', data: { caeId: CAE, accountId: 'acc-1', role: 'cae_staff', revokedOn: '2016-06-30', reason: 'departure' } }]);
  });

  it('given no grant, when revoking, then ACCESS_NOT_GRANTED', async () => {
    await given(registerCae()).when(revoke('cae_staff', '2016-06-30')).thenRejects('ACCESS_NOT_GRANTED');
  });

  it('given a grant revoked, when revoking it again, then ACCESS_NOT_GRANTED', async () => {
    await given(registerCae(), grant('cae_staff', '2016-01-04'), revoke('cae_staff', '2016-03-01')).when(revoke('cae_staff', '2016-04-01')).thenRejects('ACCESS_NOT_GRANTED');
  });

  it('given a grant revoked, when granting it again, then it is accepted', async () => {
    await given(registerCae(), grant('cae_staff', '2016-01-04'), revoke('cae_staff', '2016-03-01'))
      .when(grant('cae_staff', '2016-04-01'))
      .then((events) => expect(events.map((e) => e.type)).toEqual(['AccessGranted']));
  });

  it('given a grant of 1 Mar, when revoking it as of 28 Feb, then DATE_OUT_OF_ORDER', async () => {
    await given(registerCae(), grant('cae_staff', '2016-03-01')).when(revoke('cae_staff', '2016-02-28')).thenRejects('DATE_OUT_OF_ORDER');
  });

  it('given Alice’s grant and her exit on 1 May, when revoking it on 2 May, then ACCESS_NOT_GRANTED: the exit ended it', async () => {
    await given(aliceIntegrated, grant('entrepreneur', '2016-01-05', 'alice'), exitEntrepreneur('alice', '2016-05-01'))
      .when(revoke('entrepreneur', '2016-05-02', 'alice'))
      .thenRejects('ACCESS_NOT_GRANTED');
  });

  it('given Alice’s grant and her exit on 1 May, when revoking it on 30 Apr, then it is revoked', async () => {
    await given(aliceIntegrated, grant('entrepreneur', '2016-01-05', 'alice'), exitEntrepreneur('alice', '2016-05-01'))
      .when(revoke('entrepreneur', '2016-04-30', 'alice'))
      .then((events) => expect(events[0]).toMatchObject({ type: 'AccessRevoked', data: { entrepreneurId: 'alice', revokedOn: '2016-04-30' } }));
  });

  it('given Coodyssée, when revoking the access of an unknown entrepreneur, then NOT_FOUND', async () => {
    await given(registerCae()).when(revoke('entrepreneur', '2016-05-02', 'bob')).thenRejects('NOT_FOUND');
  });
});

describe('network roles', () => {
  const grantRole = (role: 'network_admin' | 'network_auditor', grantedOn: IsoDate): Command => ({ type: 'GrantNetworkRole', data: { accountId: 'acc-9', role, grantedOn } });
  const revokeRole = (role: 'network_admin' | 'network_auditor', revokedOn: IsoDate): Command => ({ type: 'RevokeNetworkRole', data: { accountId: 'acc-9', role, revokedOn, reason: 'departure' } });

  it('given nothing, when granting the auditor role, then NetworkRoleGranted in the network’s scope, no CAE needed', async () => {
    await given().when(grantRole('network_auditor', '2016-01-04')).then([{ type: 'NetworkRoleGranted', data: { accountId: 'acc-9', role: 'network_auditor', grantedOn: '2016-01-04' } }]);
  });

  it('given the auditor role, when granted again, then ACCESS_ALREADY_GRANTED; the admin role beside it is granted', async () => {
    await given(grantRole('network_auditor', '2016-01-04')).when(grantRole('network_auditor', '2016-02-01')).thenRejects('ACCESS_ALREADY_GRANTED');
    await given(grantRole('network_auditor', '2016-01-04')).when(grantRole('network_admin', '2016-02-01')).then([
      { type: 'NetworkRoleGranted', data: { accountId: 'acc-9', role: 'network_admin', grantedOn: '2016-02-01' } },
    ]);
  });

  it('given the auditor role, when revoked, then NetworkRoleRevoked; revoked again, or never granted, ACCESS_NOT_GRANTED', async () => {
    await given(grantRole('network_auditor', '2016-01-04')).when(revokeRole('network_auditor', '2016-06-30')).then([
      { type: 'NetworkRoleRevoked', data: { accountId: 'acc-9', role: 'network_auditor', revokedOn: '2016-06-30', reason: 'departure' } },
    ]);
    await given(grantRole('network_auditor', '2016-01-04'), revokeRole('network_auditor', '2016-06-30')).when(revokeRole('network_auditor', '2016-07-01')).thenRejects('ACCESS_NOT_GRANTED');
    await given().when(revokeRole('network_admin', '2016-07-01')).thenRejects('ACCESS_NOT_GRANTED');
  });

  it('given the auditor role granted on 4 Jan, when revoked on 3 Jan, then DATE_OUT_OF_ORDER', async () => {
    await given(grantRole('network_auditor', '2016-01-04')).when(revokeRole('network_auditor', '2016-01-03')).thenRejects('DATE_OUT_OF_ORDER');
  });

  it('when registering a CAE under the network’s reserved id, then CAE_ID_RESERVED', async () => {
    await given().when({ ...registerCae(), data: { ...registerCae().data, caeId: 'network' } } as Command).thenRejects('CAE_ID_RESERVED');
  });
});
