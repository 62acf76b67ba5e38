import { money, sum } from '../../libs/domain';
import {
  capeRenewed,
  capeSigned,
  caeRegistered,
  cesaSigned,
  creditNoteIssued,
  entrepreneurExited,
  entrepreneurIntegrated,
  expenseRecorded,
  invoiceIssued,
  meetingRecorded,
  paymentRecorded,
  personForgotten,
  refundRecorded,
  salaryPaid,
} from '../testing/events';
import { given, sealedAway } from '../testing/given';
import { entrepreneurAccount } from './queries';
import { treasuryProjection } from './projection';
import { accountOf, cesaFromJanuary, invoice } from './spec-support';

/**
 * The example story up to the salary, paid in part: 4,500.00 invoiced on 5 Sep, 3,000.00 received (2,500.00 excl.
 * VAT), a 500.00 credit note (nothing owed back: 2,400.00 remained unpaid), a 120.00 expense, a September salary of
 * 1,000.00 + 420.00 against a treasury of 2,500.00 − 300.00 contribution − 120.00.
 */
const invoiced = [caeRegistered(), entrepreneurIntegrated(), capeSigned(), capeRenewed(), cesaSigned(), invoiceIssued()];
const partPayment = paymentRecorded({ amount: '3000.00', amountExclVat: '2500.00', vat: '500.00', remainingDue: '2400.00', fullyPaid: false });
const beforeSalary = [...invoiced, partPayment, creditNoteIssued({ refundOwed: '0.00' }), expenseRecorded()];
const salary = salaryPaid({ treasuryBefore: '2080.00' });
const exampleStory = [...beforeSalary, salary];

/** The same story paid in full (5,400.00, 4,500.00 excl. VAT) before the credit note: 600.00 (500.00 excl. VAT) is owed back. */
const paidThenCredited = [...invoiced, paymentRecorded(), creditNoteIssued()];

const treasury = given.bind(null, treasuryProjection);

describe('activity account: what was invoiced and spent (R7331-5)', () => {
  it('given an invoice and a credit note, then revenue and credit notes excl. VAT count in their issue month', () =>
    treasury(...beforeSalary).when(salary).then(async (docs) => {
      const account = await accountOf(docs);
      expect(account?.toDate).toMatchObject({ revenueExclVat: '4500.00', creditNotesExclVat: '500.00' });
      expect(account?.monthly.find((m) => m.month === '2016-09')).toMatchObject({ revenueExclVat: '4500.00', creditNotesExclVat: '500.00' });
    }));

  it('given a contribution of 12% of revenue, then the contribution is due on revenue net of credit notes', () =>
    treasury(...beforeSalary).when(salary).then(async (docs) => expect((await accountOf(docs))?.toDate.contribution).toBe('480.00')));

  it('given a gross-margin base, then the rate applies to revenue net of credit notes minus expenses', () =>
    treasury(caeRegistered({ contribution: { rate: '0.12', base: 'gross_margin' } }), ...beforeSalary.slice(1))
      .when(salaryPaid({ treasuryBefore: '2094.40' }))
      .then(async (docs) => expect((await accountOf(docs))?.toDate.contribution).toBe('465.60')));

  it('given a salary, then its cost is gross + employer contributions and the result is what remains', () =>
    treasury(...beforeSalary).when(salary).then(async (docs) =>
      expect((await accountOf(docs))?.toDate).toMatchObject({ expenses: '120.00', grossSalaries: '1000.00', employerContributions: '420.00', salaryCost: '1420.00', result: '1980.00' }),
    ));

  it('given a payment, then the available treasury is cash excl. VAT − contribution on it − expenses − salary cost', () =>
    treasury(...beforeSalary).when(salary).then(async (docs) =>
      expect((await accountOf(docs))?.toDate).toMatchObject({
        cashReceivedInclVat: '3000.00',
        cashReceivedExclVat: '2500.00',
        contributionOnCash: '300.00',
        salaryCostPaid: '1420.00',
        availableTreasury: '660.00',
      }),
    ));

  it('given a salary of September paid in October, then it counts in September for the result and in October for the treasury', () =>
    treasury(...beforeSalary)
      .when(salaryPaid({ period: '2016-09', paidOn: '2016-10-05', treasuryBefore: '2080.00' }))
      .then(async (docs) => {
        const account = await accountOf(docs);
        expect(account?.monthly.find((m) => m.month === '2016-09')).toMatchObject({ salaryCost: '1420.00', salaryCostPaid: '0.00' });
        expect(account?.monthly.find((m) => m.month === '2016-10')).toMatchObject({ salaryCost: '0.00', salaryCostPaid: '1420.00' });
      }));
});

describe('activity account: month by month', () => {
  it('given activity from January to September, then one line per month from the integration to the last business date', () =>
    treasury(...beforeSalary).when(salary).then(async (docs) => {
      const account = await accountOf(docs);
      expect(account?.asOf).toBe('2016-09-30');
      expect(account?.monthly.map((m) => m.month)).toEqual(['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06', '2016-07', '2016-08', '2016-09']);
    }));

  it('given the months, then their flows add up to the account to date and the last month ends on the available treasury', () =>
    treasury(...exampleStory).when(meetingRecorded()).then(async (docs) => {
      const account = (await accountOf(docs))!;
      for (const field of ['revenueExclVat', 'creditNotesExclVat', 'contribution', 'expenses', 'salaryCost', 'result', 'cashReceivedExclVat', 'refundsExclVat', 'contributionOnCash'] as const)
        expect(sum(account.monthly.map((m) => money(m[field]))).toFixed(2)).toBe(account.toDate[field]);
      expect(account.monthly.at(-1)?.availableTreasury).toBe(account.toDate.availableTreasury);
    }));
});

describe('activity account: contribution policy', () => {
  it('given a fixed monthly amount, then it is due every month from the integration to the last business date', () =>
    treasury(...cesaFromJanuary({ rate: '0.12', base: 'revenue', fixedMonthly: '50.00' }))
      .when(meetingRecorded({ heldOn: '2016-03-15' }))
      .then(async (docs) => {
        const account = await accountOf(docs);
        expect(account?.monthly.map((m) => m.contribution)).toEqual(['50.00', '50.00', '50.00']);
        expect(account?.toDate).toMatchObject({ contribution: '150.00', result: '-150.00' });
      }));

  it('given three waived months, then revenue of the first three months bears no contribution', () =>
    treasury(...cesaFromJanuary({ rate: '0.12', base: 'revenue', waivedMonths: 3 }), invoice('2016-000001', '2016-03-10', '1000.00', '200.00'))
      .when(invoice('2016-000002', '2016-04-10', '1000.00', '200.00'))
      .then(async (docs) => expect((await accountOf(docs))?.monthly.filter((m) => m.month >= '2016-03').map((m) => m.contribution)).toEqual(['0.00', '120.00'])));

  it('given a return after an exit, then the waived months are not granted again (they run from the first integration)', () =>
    treasury(
      ...cesaFromJanuary({ rate: '0.12', base: 'revenue', waivedMonths: 3 }),
      entrepreneurExited({ exitedOn: '2016-05-31', reason: 'other', positive: false }),
      entrepreneurIntegrated({ integratedOn: '2016-07-01', integration: 2 }),
      cesaSigned({ signedOn: '2016-07-01', capeDays: 0, associateDeadline: '2019-07-01', trialPeriodEndsOn: '2017-03-01' }),
    )
      .when(invoice('2016-000001', '2016-07-10', '1000.00', '200.00'))
      .then(async (docs) => {
        const account = await accountOf(docs);
        expect(account?.toDate.contribution).toBe('120.00');
        expect(account?.monthly[0]?.month).toBe('2016-01');
      }));
});

describe('activity account: receivables', () => {
  it('given an invoice partly paid and credited, then what remains due is a receivable, not yet overdue', () =>
    treasury(...beforeSalary).when(salary).then(async (docs) =>
      expect((await accountOf(docs))?.receivables).toEqual({
        amountDue: '1800.00',
        overdueAmountDue: '0.00',
        invoices: [{ number: '2016-000001', issuedOn: '2016-09-05', dueOn: '2016-10-05', amountDue: '1800.00', overdue: false }],
        refundsOwed: { amount: '0.00', invoices: [] },
      }),
    ));

  it('given the account dated after the due date, then the receivable is overdue', () =>
    treasury(...exampleStory).when(meetingRecorded()).then(async (docs) =>
      expect((await accountOf(docs))?.receivables).toMatchObject({ overdueAmountDue: '1800.00', invoices: [{ number: '2016-000001', overdue: true }] }),
    ));

  it('given an invoice paid in full, then it is no longer a receivable', () =>
    treasury(...exampleStory)
      .when(paymentRecorded({ paidOn: '2016-10-01', amount: '1800.00', amountExclVat: '1500.00', vat: '300.00', remainingDue: '0.00', fullyPaid: true }))
      .then(async (docs) =>
        expect((await accountOf(docs))?.receivables).toEqual({ amountDue: '0.00', overdueAmountDue: '0.00', invoices: [], refundsOwed: { amount: '0.00', invoices: [] } }),
      ));
});

describe('activity account: refunds', () => {
  const partRefund = refundRecorded({ amount: '100.00', amountExclVat: '83.33', vat: '16.67', remainingOwed: '500.00' });

  it('given an invoice paid in full then credited, then nothing is due and the credit note is a refund owed to the client', () =>
    treasury(...paidThenCredited.slice(0, -1)).when(paidThenCredited.at(-1)!).then(async (docs) =>
      expect((await accountOf(docs))?.receivables).toEqual({
        amountDue: '0.00',
        overdueAmountDue: '0.00',
        invoices: [],
        refundsOwed: { amount: '600.00', invoices: [{ number: '2016-000001', refundOwed: '600.00' }] },
      }),
    ));

  it('given part of the refund made, then the rest is still owed', () =>
    treasury(...paidThenCredited).when(partRefund).then(async (docs) =>
      expect((await accountOf(docs))?.receivables.refundsOwed).toEqual({ amount: '500.00', invoices: [{ number: '2016-000001', refundOwed: '500.00' }] }),
    ));

  it('given the refund made, then nothing is owed, and it is cash out in its month: the treasury keeps 4,000.00 − 12% on it', () =>
    treasury(...paidThenCredited).when(refundRecorded()).then(async (docs) => {
      const account = (await accountOf(docs))!;
      expect(account.receivables.refundsOwed).toEqual({ amount: '0.00', invoices: [] });
      const cash = { cashReceivedInclVat: '5400.00', cashReceivedExclVat: '4500.00', refundsInclVat: '600.00', refundsExclVat: '500.00', contributionOnCash: '480.00', availableTreasury: '3520.00' };
      expect(account.toDate).toMatchObject(cash);
      expect(account.monthly.find((m) => m.month === '2016-09')).toMatchObject(cash);
    }));

  it('given a refund, then the result is unchanged: revenue and its contribution count by issue date, net of credit notes', async () => {
    const before = (await accountOf(await treasury(...paidThenCredited.slice(0, -1)).when(paidThenCredited.at(-1)!)))!.toDate;
    const after = (await accountOf(await treasury(...paidThenCredited).when(refundRecorded())))!.toDate;
    expect(after).toMatchObject({ revenueExclVat: before.revenueExclVat, creditNotesExclVat: before.creditNotesExclVat, contribution: before.contribution, result: before.result });
  });
});

describe('activity account: personal data', () => {
  it('given the entrepreneur forgotten, then the account is unchanged (it holds no personal data)', async () => {
    const forgotten = await treasury(...sealedAway(exampleStory, 'entrepreneur', 'e-001')).when(personForgotten());
    expect(await accountOf(forgotten)).toEqual(await accountOf(await treasury(...beforeSalary).when(salary)));
  });
});

describe('activity account: unknown', () => {
  it('given an entrepreneur never integrated, then there is no account', () =>
    treasury(...beforeSalary).when(salary).then(async (docs) => expect(await accountOf(docs, 'e-404')).toBeUndefined()));

  it('given an unknown CAE, then there is no account', () =>
    treasury(...beforeSalary).when(salary).then(async (docs) => expect(await entrepreneurAccount(docs, 'elsewhere', 'e-001')).toBeUndefined()));
});
