import { aliceIntegrated, aliceUnderCape, aliceUnderCesa, CAE, exitEntrepreneur, given, registerCae, renewCape, signCape, signCesa } from '../testing';
import { CAPE_MAX_TOTAL_MONTHS } from './cape';

const alice = { caeId: CAE, entrepreneurId: 'alice' };


describe('CAPE — contrat d’appui au projet d’entreprise', () => {
  it('given Alice integrated, when signing a 6-month CAPE, then it ends the day before the same date 6 months later', async () => {
    await given(aliceIntegrated)
      .when(signCape('alice', '2016-01-04', 6))
      .then([{ type: 'CapeSigned', data: { ...alice, signedOn: '2016-01-04', months: 6, endsOn: '2016-07-03', totalMonths: 6 } }]);
  });

  it('given Alice integrated, when signing a 12-month CAPE, then it is accepted (12 is the maximum)', async () => {
    await given(aliceIntegrated)
      .when(signCape('alice', '2016-01-04', 12))
      .then([{ type: 'CapeSigned', data: { ...alice, signedOn: '2016-01-04', months: 12, endsOn: '2017-01-03', totalMonths: 12 } }]);
  });

  it('given Alice integrated, when signing a 1-month CAPE, then it lasts one month', async () => {
    await given(aliceIntegrated)
      .when(signCape('alice', '2016-01-04', 1))
      .then(([signed]) => expect(signed?.data).toMatchObject({ months: 1, endsOn: '2016-02-03' }));
  });

  it.each([0, 13])('given Alice integrated, when signing a CAPE of %i months, then CAPE_DURATION_INVALID', async (months) => {
    expect((await given(aliceIntegrated).when(signCape('alice', '2016-01-04', months)).thenRejects('CAPE_DURATION_INVALID')).details).toEqual({ months, max: 12 });
  });

  it('given Alice under a CAPE, when signing a second CAPE, then CAPE_ALREADY_SIGNED', async () => {
    await given(aliceUnderCape).when(signCape('alice', '2016-02-01', 6)).thenRejects('CAPE_ALREADY_SIGNED', 'RenewCape');
  });

  it('given Alice under a CESA, when signing a CAPE, then CESA_ALREADY_SIGNED', async () => {
    await given(aliceUnderCesa).when(signCape('alice', '2016-02-01', 6)).thenRejects('CESA_ALREADY_SIGNED');
  });

  it('given Alice integrated on 4 Jan, when signing a CAPE on 3 Jan, then DATE_BEFORE_INTEGRATION', async () => {
    expect((await given(aliceIntegrated).when(signCape('alice', '2016-01-03', 6)).thenRejects('DATE_BEFORE_INTEGRATION')).details).toEqual({
      date: '2016-01-03',
      integratedOn: '2016-01-04',
    });
  });

  it('given Coodyssée, when signing a CAPE with an unknown entrepreneur, then NOT_FOUND', async () => {
    await given(registerCae()).when(signCape('bob', '2016-01-04', 6)).thenRejects('NOT_FOUND');
  });

  describe('renewal', () => {
    it('given a CAPE ending on 3 Jul, when renewing it for 6 months, then it continues from 4 Jul as renewal 1', async () => {
      await given(aliceUnderCape)
        .when(renewCape('alice', '2016-06-15', 6))
        .then([
          {
            type: 'CapeRenewed',
            data: { ...alice, renewedOn: '2016-06-15', months: 6, renewal: 1, previousEndsOn: '2016-07-03', endsOn: '2017-01-03', totalMonths: 12 },
          },
        ]);
    });

    it('given a CAPE renewed once, when renewing it again, then it is renewal 2', async () => {
      await given(aliceUnderCape, renewCape('alice', '2016-06-15', 6))
        .when(renewCape('alice', '2016-12-20', 12))
        .then([
          {
            type: 'CapeRenewed',
            data: { ...alice, renewedOn: '2016-12-20', months: 12, renewal: 2, previousEndsOn: '2017-01-03', endsOn: '2018-01-03', totalMonths: 24 },
          },
        ]);
    });

    it('given a 12-month CAPE renewed once for 12 months, when renewing for 12 more, then it reaches exactly 36 months', async () => {
      await given(aliceIntegrated, signCape('alice', '2016-01-04', 12), renewCape('alice', '2016-12-01', 12))
        .when(renewCape('alice', '2017-12-01', 12))
        .then(([renewed]) => expect(renewed?.data).toMatchObject({ renewal: 2, endsOn: '2019-01-03', totalMonths: 36 }));
    });

    it('given the longest CAPE (12 months renewed twice for 12), then it lasts exactly CAPE_MAX_TOTAL_MONTHS = 36 and cannot be renewed again', async () => {
      expect(CAPE_MAX_TOTAL_MONTHS).toBe(36);
      const longest = [aliceIntegrated, signCape('alice', '2016-01-04', 12), renewCape('alice', '2016-12-01', 12), renewCape('alice', '2017-12-01', 12)];
      const error = await given(longest).when(renewCape('alice', '2018-12-01', 1)).thenRejects('CAPE_LIMIT_EXCEEDED', '36 months in all');
      expect(error.details).toEqual({ renewals: 2, totalMonths: CAPE_MAX_TOTAL_MONTHS, requestedMonths: 1 });
    });

    it('given a CAPE renewed twice, when renewing again, then CAPE_LIMIT_EXCEEDED', async () => {
      const error = await given(aliceUnderCape, renewCape('alice', '2016-06-15', 1), renewCape('alice', '2016-08-01', 1))
        .when(renewCape('alice', '2016-08-20', 1))
        .thenRejects('CAPE_LIMIT_EXCEEDED');
      expect(error.details).toEqual({ renewals: 2, totalMonths: 8, requestedMonths: 1 });
    });

    it.each([0, 13])('given a CAPE, when renewing it for %i months, then CAPE_DURATION_INVALID', async (months) => {
      await given(aliceUnderCape).when(renewCape('alice', '2016-06-15', months)).thenRejects('CAPE_DURATION_INVALID');
    });

    it('given a CAPE ending on 3 Jul, when renewing it on its last day, then it is accepted', async () => {
      await given(aliceUnderCape)
        .when(renewCape('alice', '2016-07-03', 6))
        .then(([renewed]) => expect(renewed?.data).toMatchObject({ previousEndsOn: '2016-07-03', endsOn: '2017-01-03' }));
    });

    it('given a CAPE ending on 3 Jul, when renewing it on 4 Jul, then CAPE_ENDED', async () => {
      expect((await given(aliceUnderCape).when(renewCape('alice', '2016-07-04', 6)).thenRejects('CAPE_ENDED')).details).toEqual({ endsOn: '2016-07-03' });
    });

    it('given Alice without a CAPE, when renewing one, then CAPE_NOT_SIGNED', async () => {
      await given(aliceIntegrated).when(renewCape('alice', '2016-06-15', 6)).thenRejects('CAPE_NOT_SIGNED');
    });

    it('given Alice under a CESA, when renewing a CAPE, then CESA_ALREADY_SIGNED', async () => {
      await given(aliceUnderCape, signCesa('alice', '2016-03-01')).when(renewCape('alice', '2016-03-02', 6)).thenRejects('CESA_ALREADY_SIGNED');
    });

    it('given a CAPE renewed on 15 Jun, when renewing it with an earlier date, then DATE_OUT_OF_ORDER', async () => {
      await given(aliceUnderCape, renewCape('alice', '2016-06-15', 6)).when(renewCape('alice', '2016-06-01', 6)).thenRejects('DATE_OUT_OF_ORDER');
    });

    it('given Alice has left, when renewing her CAPE, then ENTREPRENEUR_NOT_ACTIVE', async () => {
      await given(aliceUnderCape, exitEntrepreneur('alice', '2016-05-01')).when(renewCape('alice', '2016-06-15', 6)).thenRejects('ENTREPRENEUR_NOT_ACTIVE');
    });
  });
});
