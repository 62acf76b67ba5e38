import { creditNote, figuresOf, integrate, invoice, payment, refund, registerCae, salary, signCesa, statistics, subsidy } from './testing/fixtures';

const alice = [registerCae(), integrate('alice', '2015-01-05', { sector: 'Communication' }), signCesa('alice', '2015-01-05')];
const bruno = [integrate('bruno', '2015-01-05', { sector: 'Formation' }), signCesa('bruno', '2015-01-05')];
/** Invoice 2016-000001: 1,000.00 + 20% VAT to a company, on 1 Feb 2016. */
const aliceInvoice = invoice('alice', '2016-02-01', '1000.00', '200.00');

describe('revenue: excl. VAT, net of credit notes, by issue date', () => {
  it('given invoices to a company at 20% and to a public body at 0%, then revenue is split by client kind and sector', () =>
    statistics(...alice, ...bruno, aliceInvoice)
      .when(invoice('bruno', '2016-03-01', '500.00', '0.00', { number: '2016-000002', vatRate: '0', kind: 'public_body', sector: 'Formation' }))
      .then(async (docs) => {
        expect((await figuresOf(docs)).revenue).toMatchObject({
          total: '1500.00',
          byClientKind: { company: '1000.00', individual: '0.00', public_body: '500.00', association: '0.00' },
          bySector: { Communication: '1000.00', Formation: '500.00' },
          vatCollected: '200.00',
        });
      }));

  it('contributions are the CAE’s rate on that revenue (12% of 1,500.00 = 180.00)', () =>
    statistics(...alice, ...bruno, aliceInvoice).when(invoice('bruno', '2016-03-01', '500.00', '0.00', { number: '2016-000002', vatRate: '0', sector: 'Formation' })).then(async (docs) => {
      expect((await figuresOf(docs)).revenue.contributions).toBe('180.00');
    }));

  it('given a partial credit note in the year, then revenue and VAT are net of it', () =>
    statistics(...alice, aliceInvoice).when(creditNote('alice', '2016-000001', '2016-02-15', '300.00', '60.00')).then(async (docs) => {
      expect((await figuresOf(docs)).revenue).toMatchObject({ total: '700.00', vatCollected: '140.00', contributions: '84.00', bySector: { Communication: '700.00' } });
    }));

  it('given a December invoice cancelled in January, then 2016 keeps the invoice and 2017 bears the credit note', () =>
    statistics(...alice, invoice('alice', '2016-12-20', '1000.00', '200.00'))
      .when(creditNote('alice', '2016-000001', '2017-01-10', '1000.00', '200.00', { number: '2017-000001' }))
      .then(async (docs) => {
        expect((await figuresOf(docs, 2016)).revenue).toMatchObject({ total: '1000.00', vatCollected: '200.00' });
        expect((await figuresOf(docs, 2017)).revenue).toMatchObject({
          total: '-1000.00',
          vatCollected: '-200.00',
          byClientKind: { company: '-1000.00' },
          bySector: { Communication: '-1000.00' },
        });
      }));

  it('given an invoice paid in full, then credited, when the client is refunded, then revenue is net of the credit note and the refund changes nothing', async () => {
    const paid = [...alice, aliceInvoice, payment('alice', '2016-000001', '2016-02-10', '1200.00', '1000.00')];
    const credit = creditNote('alice', '2016-000001', '2016-02-15', '300.00', '60.00', { refundOwed: '360.00' });
    const credited = await figuresOf(await statistics(...paid).when(credit));
    const refunded = await figuresOf(await statistics(...paid, credit).when(refund('alice', '2016-000001', '2016-03-01', '360.00', '300.00')));
    expect(refunded.revenue).toMatchObject({ total: '700.00', vatCollected: '140.00', contributions: '84.00' });
    expect(refunded).toEqual(credited);
  });

  it('given an invoice of another year, then it is not in 2016', () =>
    statistics(...alice).when(invoice('alice', '2015-12-31', '1000.00', '200.00', { number: '2015-000001' })).then(async (docs) => {
      expect((await figuresOf(docs)).revenue).toMatchObject({ total: '0.00', vatCollected: '0.00', bySector: {} });
    }));
});

describe('subsidies and the social and fiscal return per euro of subsidy', () => {
  it('given no subsidy, then the return is 0.00', () =>
    statistics(...alice).when(aliceInvoice).then(async (docs) => {
      expect((await figuresOf(docs)).revenue).toMatchObject({ subsidies: '0.00', socialAndFiscalReturnPerSubsidyEuro: '0.00' });
    }));

  it('given subsidies received in the year, then return = (VAT + employee + employer contributions) ÷ subsidies', () =>
    statistics(
      ...alice,
      aliceInvoice,
      payment('alice', '2016-000001', '2016-02-20', '1200.00', '1000.00'),
      salary('alice', '2016-02', '500.00', { employee: '110.00', employer: '210.00', source: 'rates' }),
    )
      .when(subsidy('2016-03-01', '600.00'), subsidy('2016-09-01', '400.00'), subsidy('2017-01-05', '5000.00'))
      .then(async (docs) => {
        // VAT 200.00 + employee 110.00 + employer 210.00 = 520.00 for 1,000.00 of subsidies.
        expect((await figuresOf(docs)).revenue).toMatchObject({ subsidies: '1000.00', socialAndFiscalReturnPerSubsidyEuro: '0.52' });
      }));
});
