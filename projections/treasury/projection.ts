import { formatMoney, maxDate, money, monthOf, subtractMoney, type EventDataByType, type EventType, type IsoDate } from '../../libs/domain';
import { collectionOf, defineProjection, type Handler, type ProjectedEventOf } from '../projection';
import { addToMonth, contributionToDate, newAccount, plus, refundsOwedOf, treasuryToDate, withInvoice, withRefundOwed } from './account-sums';
import { accountId, TREASURY, type AccountDoc, type CaeDoc, type TotalsDoc } from './documents';

export { accountId, TREASURY, type CaeDoc, type TotalsDoc, type VatMonth } from './documents';

type TreasuryDocs = { caes: CaeDoc; accounts: AccountDoc; totals: TotalsDoc };

/** The events of an entrepreneur's activity: each one moves their account and the CAE's totals. */
type AccountEventType = { [K in EventType]: EventDataByType[K] extends { entrepreneurId: string } ? K : never }[EventType];

/** A total moved by the difference an event made to one of its accounts. */
const movedBy = (total: string, after: string, before: string): string => (after === before ? total : plus(total, subtractMoney(after, before)));

const newTotals = (caeId: string, asOf: IsoDate): TotalsDoc => ({
  caeId,
  accounts: 0,
  asOf,
  vatCollected: '0.00',
  vatOnCreditNotes: '0.00',
  contributions: '0.00',
  cashHeld: '0.00',
  refundsOwed: '0.00',
  months: {},
});

/** VAT is counted by issue date (débits), as on the invoices, not when the client pays. */
const withVat = (totals: TotalsDoc, field: 'vatCollected' | 'vatOnCreditNotes', issuedOn: IsoDate, vat: string): TotalsDoc => {
  const month = monthOf(issuedOn);
  const current = totals.months[month] ?? { vatCollected: '0.00', vatOnCreditNotes: '0.00' };
  return { ...totals, [field]: plus(totals[field], vat), months: { ...totals.months, [month]: { ...current, [field]: plus(current[field], vat) } } };
};

/**
 * An event of the activity: `record` adds it to the account's raw sums (derived figures are refreshed here), `vat`
 * to the CAE's VAT; the CAE's totals move by the difference the event makes to the account.
 */
const onAccount = <K extends AccountEventType>(
  record: (account: AccountDoc, event: ProjectedEventOf<K>) => AccountDoc = (account) => account,
  vat: (totals: TotalsDoc, event: ProjectedEventOf<K>) => TotalsDoc = (totals) => totals,
): Handler<TreasuryDocs, K> => ({
  documents: (event) => {
    const { caeId, entrepreneurId } = event.data;
    return [
      { collection: 'caes', id: caeId },
      { collection: 'accounts', id: accountId(caeId, entrepreneurId) },
      { collection: 'totals', id: caeId },
    ];
  },
  apply: (event, docs) => {
    const { caeId, entrepreneurId } = event.data;
    const cae = docs.get('caes', caeId);
    // The log never holds an entrepreneur's event before their CAE's registration or their integration.
    if (!cae) throw new Error(`${event.type} for CAE "${caeId}" before its registration`);
    const id = accountId(caeId, entrepreneurId);
    const before = docs.get('accounts', id);
    const date = event.occurredOn;
    if (!before && event.type !== 'EntrepreneurIntegrated') throw new Error(`${event.type} for "${entrepreneurId}" before their integration`);
    const recorded = record(before ?? newAccount(caeId, entrepreneurId, date, cae.contribution), event);
    const dated = { ...recorded, asOf: maxDate(recorded.asOf, date) };
    const after: AccountDoc = {
      ...dated,
      contribution: formatMoney(contributionToDate(dated, cae.contribution)),
      availableTreasury: formatMoney(treasuryToDate(dated, cae.contribution)),
    };
    const totals = vat(docs.get('totals', caeId) ?? newTotals(caeId, date), event);
    const movedTotals: TotalsDoc = {
      ...totals,
      accounts: totals.accounts + (before ? 0 : 1),
      asOf: maxDate(totals.asOf, after.asOf),
      contributions: movedBy(totals.contributions, after.contribution, before?.contribution ?? '0.00'),
      cashHeld: movedBy(totals.cashHeld, after.availableTreasury, before?.availableTreasury ?? '0.00'),
      refundsOwed: movedBy(totals.refundsOwed, refundsOwedOf(after), before ? refundsOwedOf(before) : '0.00'),
    };
    return [
      { collection: 'accounts', id, doc: after },
      { collection: 'totals', id: caeId, doc: movedTotals },
    ];
  },
});

/** Entrepreneurs' activity accounts and the CAE's totals (VAT, contributions, cash held, refunds owed). */
export const treasuryProjection = defineProjection({
  name: TREASURY,
  version: 4,
  collections: { caes: collectionOf<CaeDoc>(), accounts: collectionOf<AccountDoc>(), totals: collectionOf<TotalsDoc>() },
  on: {
    CaeRegistered: {
      documents: (e) => [{ collection: 'caes', id: e.data.caeId }],
      apply: (e) => [{ collection: 'caes', id: e.data.caeId, doc: { caeId: e.data.caeId, name: e.data.name, contribution: e.data.contribution } }],
    },
    // These only date the account (and open it, for the integration).
    EntrepreneurIntegrated: onAccount(),
    CapeSigned: onAccount(),
    CapeRenewed: onAccount(),
    CesaSigned: onAccount(),
    MeetingRecorded: onAccount(),
    EntrepreneurExited: onAccount(),
    InvoiceIssued: onAccount(
      (account, { data: d }) => {
        const invoices = { ...account.invoices, [d.number]: { issuedOn: d.issuedOn, dueOn: d.dueOn, totalInclVat: d.totalInclVat, creditedInclVat: '0.00', paid: '0.00' } };
        return addToMonth({ ...account, invoices }, monthOf(d.issuedOn), { revenueExclVat: d.totalExclVat });
      },
      (totals, { data: d }) => withVat(totals, 'vatCollected', d.issuedOn, d.totalVat),
    ),
    CreditNoteIssued: onAccount(
      (account, { data: d }) => {
        const credited = withInvoice(account, d.invoiceNumber, (i) => ({ ...i, creditedInclVat: plus(i.creditedInclVat, d.totalInclVat) }));
        return addToMonth(withRefundOwed(credited, d.invoiceNumber, money(d.refundOwed)), monthOf(d.issuedOn), { creditNotesExclVat: d.totalExclVat });
      },
      (totals, { data: d }) => withVat(totals, 'vatOnCreditNotes', d.issuedOn, d.totalVat),
    ),
    PaymentRecorded: onAccount((account, { data: d }) => {
      const paid = withInvoice(account, d.invoiceNumber, (i) => ({ ...i, paid: plus(i.paid, d.amount) }));
      return addToMonth(paid, monthOf(d.paidOn), { cashReceivedInclVat: d.amount, cashReceivedExclVat: d.amountExclVat });
    }),
    RefundRecorded: onAccount((account, { data: d }) => {
      const refunded = withRefundOwed(account, d.invoiceNumber, money(d.amount).negated());
      return addToMonth(refunded, monthOf(d.refundedOn), { refundsInclVat: d.amount, refundsExclVat: d.amountExclVat });
    }),
    ExpenseRecorded: onAccount((account, { data: d }) => addToMonth(account, monthOf(d.incurredOn), { expenses: d.amount })),
    SalaryPaid: onAccount((account, { data: d }) => {
      const ofPeriod = addToMonth(account, d.period, { grossSalaries: d.gross, employerContributions: d.employerContributions });
      return addToMonth(ofPeriod, monthOf(d.paidOn), { salaryCostPaid: d.employerCost });
    }),
  },
});
