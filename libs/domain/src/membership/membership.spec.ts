import {
  admitAssociate,
  admitEntrepreneur,
  aliceUnderCape,
  aliceUnderCesa,
  CAE,
  exitEntrepreneur,
  given,
  redeemShares,
  registerCae,
  signCesa,
} from '../testing';

/** The Banque des Alpes, an external associate holding 4 shares of 25.00 since 1 Mar 2016. */
const bankAdmitted = [registerCae(), admitAssociate('banque', '2016-03-01', 4)];

describe('admission', () => {
  it('given Coodyssée (shares of 25.00), when admitting an external associate with 4 shares, then they pay 100.00', async () => {
    await given(registerCae())
      .when(admitAssociate('banque', '2016-03-01', 4))
      .then([
        {
          type: 'AssociateAdmitted',
          data: {
            caeId: CAE,
            associateId: 'banque',
            admittedOn: '2016-03-01',
            category: 'external',
            shares: 4,
            nominalValue: '25.00',
            amount: '100.00',
            person: { name: 'Banque des Alpes' },
          },
        },
      ]);
  });

  it("given a CAE whose statutes set shares at 16.00, when admitting with 3 shares, then the amount is 3 × 16.00", async () => {
    await given(registerCae({ shareNominalValue: '16.00' }))
      .when(admitAssociate('banque', '2016-03-01', 3))
      .then(([admitted]) => expect(admitted?.data).toMatchObject({ nominalValue: '16.00', amount: '48.00' }));
  });

  it('given Alice under a CESA, when she becomes an associate with one share, then she is an entrepreneur associate', async () => {
    await given(aliceUnderCesa)
      .when(admitEntrepreneur('esa-alice', 'alice', '2016-11-15'))
      .then([
        {
          type: 'AssociateAdmitted',
          data: {
            caeId: CAE,
            associateId: 'esa-alice',
            admittedOn: '2016-11-15',
            category: 'entrepreneur',
            shares: 1,
            nominalValue: '25.00',
            amount: '25.00',
            entrepreneurId: 'alice',
          },
        },
      ]);
  });

  it('given Alice under a CAPE, when admitting her as an entrepreneur associate, then ASSOCIATE_REQUIRES_CESA', async () => {
    await given(aliceUnderCape).when(admitEntrepreneur('esa-alice', 'alice', '2016-03-01')).thenRejects('ASSOCIATE_REQUIRES_CESA');
  });

  it('given a CESA signed on 1 Mar, when admitting Alice as of 29 Feb, then ASSOCIATE_REQUIRES_CESA', async () => {
    await given(aliceUnderCape, signCesa('alice', '2016-03-01')).when(admitEntrepreneur('esa-alice', 'alice', '2016-02-29')).thenRejects('ASSOCIATE_REQUIRES_CESA');
  });

  it('given Alice has left, when admitting her as an entrepreneur associate, then ASSOCIATE_REQUIRES_CESA', async () => {
    await given(aliceUnderCesa, exitEntrepreneur('alice', '2016-05-01')).when(admitEntrepreneur('esa-alice', 'alice', '2016-06-01')).thenRejects('ASSOCIATE_REQUIRES_CESA');
  });

  it('given Coodyssée, when admitting an unknown entrepreneur as an associate, then NOT_FOUND', async () => {
    await given(registerCae()).when(admitEntrepreneur('esa-bob', 'bob', '2016-06-01')).thenRejects('NOT_FOUND');
  });

  it('given a staff member, when admitted, then their category is staff and no CESA is needed', async () => {
    await given(registerCae())
      .when(admitAssociate('staff-1', '2016-02-01', 2, { category: 'staff', person: { name: 'Claire Roux', gender: 'F', birthYear: 1975 } }))
      .then(([admitted]) =>
        expect(admitted?.data).toMatchObject({ category: 'staff', shares: 2, amount: '50.00', person: { name: 'Claire Roux', gender: 'F', birthYear: 1975 } }),
      );
  });

  it('given an associate, when admitting them again, then ASSOCIATE_ALREADY_ADMITTED', async () => {
    expect((await given(bankAdmitted).when(admitAssociate('banque', '2016-04-01', 1)).thenRejects('ASSOCIATE_ALREADY_ADMITTED')).details).toEqual({ shares: 4 });
  });
});

describe('redemption', () => {
  it('given 4 shares held, when redeeming one, then it is repaid at nominal value and 3 remain', async () => {
    await given(bankAdmitted)
      .when(redeemShares('banque', '2016-10-01', 1))
      .then([
        {
          type: 'SharesRedeemed',
          data: {
            caeId: CAE,
            associateId: 'banque',
            redeemedOn: '2016-10-01',
            shares: 1,
            nominalValue: '25.00',
            amount: '25.00',
            remainingShares: 3,
            leftAssociation: false,
          },
        },
      ]);
  });

  it('given 4 shares held, when redeeming 5, then SHARES_EXCEED_HOLDING', async () => {
    expect((await given(bankAdmitted).when(redeemShares('banque', '2016-10-01', 5)).thenRejects('SHARES_EXCEED_HOLDING')).details).toEqual({ held: 4, requested: 5 });
  });

  it('given 1 of 4 shares redeemed, when redeeming 4, then SHARES_EXCEED_HOLDING (3 are held)', async () => {
    await given(bankAdmitted, redeemShares('banque', '2016-10-01', 1)).when(redeemShares('banque', '2016-11-01', 4)).thenRejects('SHARES_EXCEED_HOLDING');
  });

  it('given 4 shares held, when redeeming all 4, then the associate leaves the association and is repaid 100.00', async () => {
    await given(bankAdmitted)
      .when(redeemShares('banque', '2016-10-01', 4))
      .then(([redeemed]) => expect(redeemed?.data).toMatchObject({ amount: '100.00', remainingShares: 0, leftAssociation: true }));
  });

  it('given an associate who left, when redeeming again, then NOT_AN_ASSOCIATE', async () => {
    await given(bankAdmitted, redeemShares('banque', '2016-10-01', 4)).when(redeemShares('banque', '2016-11-01', 1)).thenRejects('NOT_AN_ASSOCIATE');
  });

  it('given an associate who left, when admitting them again later, then they are an associate once more', async () => {
    await given(bankAdmitted, redeemShares('banque', '2016-10-01', 4))
      .when(admitAssociate('banque', '2017-03-01', 2))
      .then(([admitted]) => expect(admitted?.data).toMatchObject({ associateId: 'banque', admittedOn: '2017-03-01', shares: 2, amount: '50.00' }));
  });

  it('given an associate who left on 1 Oct, when re-admitting them as of 1 Sep, then DATE_OUT_OF_ORDER (the register is chronological)', async () => {
    await given(bankAdmitted, redeemShares('banque', '2016-10-01', 4)).when(admitAssociate('banque', '2016-09-01', 2)).thenRejects('DATE_OUT_OF_ORDER');
  });

  it('given an associate admitted on 1 Mar, when redeeming as of 1 Feb, then DATE_OUT_OF_ORDER', async () => {
    await given(bankAdmitted).when(redeemShares('banque', '2016-02-01', 1)).thenRejects('DATE_OUT_OF_ORDER');
  });

  it('given Coodyssée, when redeeming the shares of someone never admitted, then NOT_FOUND', async () => {
    await given(bankAdmitted).when(redeemShares('stranger', '2016-10-01', 1)).thenRejects('NOT_FOUND');
  });
});
