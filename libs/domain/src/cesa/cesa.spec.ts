import { aliceIntegrated, aliceUnderCape, aliceUnderCesa, CAE, decidedEvent, given, issueInvoice, registerCae, renewCape, signCape, signCesa } from '../testing';

const alice = { caeId: CAE, entrepreneurId: 'alice' };


describe('CESA — contrat d’entrepreneur salarié associé', () => {
  it('given Alice without a CAPE, when signing a CESA, then she must become an associate exactly 3 years later', async () => {
    await given(aliceIntegrated)
      .when(signCesa('alice', '2016-01-04'))
      .then([
        {
          type: 'CesaSigned',
          data: { ...alice, signedOn: '2016-01-04', capeDays: 0, associateDeadline: '2019-01-04', trialPeriodEndsOn: '2016-09-04' },
        },
      ]);
  });

  it('given a 6-month CAPE fully served (182 days in 2016), when signing a CESA after it, then the deadline is 3 years minus those 182 days', async () => {
    await given(aliceUnderCape)
      .when(signCesa('alice', '2016-09-01'))
      .then(([signed]) => expect(signed?.data).toMatchObject({ capeDays: 182, associateDeadline: '2019-03-03' }));
  });

  it('given a 6-month CAPE, when signing the CESA the day after it ends, then the trial period is what remains of 8 months', async () => {
    await given(aliceUnderCape)
      .when(signCesa('alice', '2016-07-04'))
      .then([
        {
          type: 'CesaSigned',
          data: { ...alice, signedOn: '2016-07-04', capeDays: 182, associateDeadline: '2019-01-03', trialPeriodEndsOn: '2016-09-03' },
        },
      ]);
  });

  it('given a 6-month CAPE, when the CESA cuts it short on 1 Mar, then only the 57 days actually spent count', async () => {
    await given(aliceUnderCape)
      .when(signCesa('alice', '2016-03-01'))
      .then([
        {
          type: 'CesaSigned',
          data: { ...alice, signedOn: '2016-03-01', capeDays: 57, associateDeadline: '2019-01-03', trialPeriodEndsOn: '2016-09-05' },
        },
      ]);
  });

  it('given a renewed CAPE, when signing a CESA, then the whole CAPE time since the first signature counts (366 days of 2016)', async () => {
    await given(aliceUnderCape, renewCape('alice', '2016-06-15', 6))
      .when(signCesa('alice', '2017-01-04'))
      .then(([signed]) => expect(signed?.data).toMatchObject({ capeDays: 366, associateDeadline: '2019-01-03' }));
  });

  it('given 12 months of CAPE, when signing a CESA, then there is no trial period left (8 months minus CAPE time)', async () => {
    const signed = await decidedEvent([aliceIntegrated, signCape('alice', '2016-01-04', 12)], signCesa('alice', '2017-01-04'), 'CesaSigned');
    expect(signed.data).not.toHaveProperty('trialPeriodEndsOn');
  });

  it('given Alice, when signing a CESA with a fixed monthly gross, then it is recorded', async () => {
    await given(aliceIntegrated)
      .when(signCesa('alice', '2016-01-04', { fixedMonthlyGross: '1500.00' }))
      .then(([signed]) => expect(signed?.data).toMatchObject({ fixedMonthlyGross: '1500.00' }));
  });

  it('given a CESA, when signing another, then CESA_ALREADY_SIGNED', async () => {
    await given(aliceUnderCesa).when(signCesa('alice', '2016-05-01')).thenRejects('CESA_ALREADY_SIGNED');
  });

  it('given Alice integrated on 4 Jan, when signing a CESA on 1 Jan, then DATE_BEFORE_INTEGRATION', async () => {
    await given(aliceIntegrated).when(signCesa('alice', '2016-01-01')).thenRejects('DATE_BEFORE_INTEGRATION');
  });

  it('given a CAPE renewed on 15 Jun, when signing a CESA dated before that, then DATE_OUT_OF_ORDER', async () => {
    await given(aliceUnderCape, renewCape('alice', '2016-06-15', 6)).when(signCesa('alice', '2016-06-01')).thenRejects('DATE_OUT_OF_ORDER');
  });

  it('given Coodyssée, when signing a CESA with an unknown entrepreneur, then NOT_FOUND', async () => {
    await given(registerCae()).when(signCesa('bob', '2016-01-04')).thenRejects('NOT_FOUND');
  });

  it('given a CESA cut the CAPE short, when invoicing afterwards, then the invoice is under the CESA with no CAPE mention', async () => {
    await given(aliceUnderCape, signCesa('alice', '2016-03-01'))
      .when(issueInvoice('alice', '2016-03-01'))
      .then(([, issued]) => {
        expect(issued?.data).toMatchObject({ contract: 'cesa' });
        expect(issued?.data).not.toHaveProperty('capeMention');
      });
  });
});
