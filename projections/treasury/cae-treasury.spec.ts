import { money } from '../../libs/domain';
import {
  caeRegistered,
  capeRenewed,
  capeSigned,
  cesaSigned,
  creditNoteIssued,
  entrepreneurIntegrated,
  expenseRecorded,
  invoiceIssued,
  paymentRecorded,
  refundRecorded,
  salaryPaid,
} from '../testing/events';
import { given } from '../testing/given';
import { treasuryProjection } from './projection';
import { caeTreasury, entrepreneurAccount } from './queries';
import { invoice } from './spec-support';

/** The example story up to the salary (paid in full, then 600.00 credited: owed back), plus e-002 under a CESA who invoices 1,000.00 (+ 10% VAT) and is paid. */
const twoActivities = [
  caeRegistered(),
  entrepreneurIntegrated(),
  capeSigned(),
  capeRenewed(),
  cesaSigned(),
  invoiceIssued(),
  paymentRecorded(),
  creditNoteIssued(),
  expenseRecorded(),
  // 4,500.00 received − 540.00 contribution on it − 120.00 expense.
  salaryPaid({ treasuryBefore: '3840.00' }),
  entrepreneurIntegrated({ entrepreneurId: 'e-002', integratedOn: '2016-10-03' }),
  cesaSigned({ entrepreneurId: 'e-002', signedOn: '2016-10-03', capeDays: 0, associateDeadline: '2019-10-03', trialPeriodEndsOn: '2017-06-03' }),
  invoice('2016-000003', '2016-10-10', '1000.00', '100.00', { vatRate: '10', entrepreneurId: 'e-002' }),
];
const e002Paid = paymentRecorded({ entrepreneurId: 'e-002', invoiceNumber: '2016-000003', paidOn: '2016-10-20', amount: '1100.00', amountExclVat: '1000.00', vat: '100.00' });

const treasury = given.bind(null, treasuryProjection);

describe('CAE treasury', () => {
  it('given invoices and a credit note, then the VAT owed is VAT invoiced − VAT credited, by issue month', () =>
    treasury(...twoActivities).when(e002Paid).then(async (docs) => {
      const cae = await caeTreasury(docs, 'coodyssee');
      expect(cae?.toDate).toMatchObject({ vatCollected: '1000.00', vatOnCreditNotes: '100.00', vatOwed: '900.00' });
      expect(cae?.monthly).toEqual([
        { month: '2016-09', vatCollected: '900.00', vatOnCreditNotes: '100.00', vatOwed: '800.00' },
        { month: '2016-10', vatCollected: '100.00', vatOnCreditNotes: '0.00', vatOwed: '100.00' },
      ]);
    }));

  it('given two accounts, then contributions earned and cash held are the sums of the accounts', () =>
    treasury(...twoActivities).when(e002Paid).then(async (docs) => {
      const accounts = [(await entrepreneurAccount(docs, 'coodyssee', 'e-001'))!, (await entrepreneurAccount(docs, 'coodyssee', 'e-002'))!];
      expect(await caeTreasury(docs, 'coodyssee')).toMatchObject({
        asOf: '2016-10-20',
        accounts: 2,
        toDate: {
          contributionsEarned: money(accounts[0]!.toDate.contribution).plus(accounts[1]!.toDate.contribution).toFixed(2),
          cashHeldForEntrepreneurs: money(accounts[0]!.toDate.availableTreasury).plus(accounts[1]!.toDate.availableTreasury).toFixed(2),
        },
      });
      expect(accounts.map((a) => a.toDate.contribution)).toEqual(['480.00', '120.00']);
    }));

  it('given a credit note beyond what remained unpaid, then the CAE owes it back to the client until it is refunded, and the refund leaves the cash held', async () => {
    const owing = await caeTreasury(await treasury(...twoActivities).when(e002Paid), 'coodyssee');
    const refunded = await caeTreasury(await treasury(...twoActivities, e002Paid).when(refundRecorded({ refundedOn: '2016-10-21' })), 'coodyssee');
    expect(owing?.toDate.refundsOwedToClients).toBe('600.00');
    expect(refunded?.toDate.refundsOwedToClients).toBe('0.00');
    // 500.00 excl. VAT paid back, 60.00 less contribution on cash: 440.00 less held; the VAT stays as invoiced and credited.
    expect(money(owing!.toDate.cashHeldForEntrepreneurs).minus(refunded!.toDate.cashHeldForEntrepreneurs).toFixed(2)).toBe('440.00');
    expect(refunded?.toDate.vatOwed).toBe(owing?.toDate.vatOwed);
  });

  it('given a CAE without entrepreneurs, then its totals are zero', () =>
    treasury().when(caeRegistered()).then(async (docs) =>
      expect(await caeTreasury(docs, 'coodyssee')).toEqual({
        caeId: 'coodyssee',
        asOf: null,
        accounts: 0,
        toDate: { vatCollected: '0.00', vatOnCreditNotes: '0.00', vatOwed: '0.00', contributionsEarned: '0.00', cashHeldForEntrepreneurs: '0.00', refundsOwedToClients: '0.00' },
        monthly: [],
      }),
    ));

  it('given an unknown CAE, then there is no treasury', () =>
    treasury().when(caeRegistered()).then(async (docs) => expect(await caeTreasury(docs, 'elsewhere')).toBeUndefined()));
});
