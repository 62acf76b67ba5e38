import { firstContributedMonth, formatMoney, maxDate, money, monthOf, occurredOn, type DomainEvent, type IsoDate, type Money, type YearMonth } from '../../libs/domain';
import type { DocReader, DocRef, DocUpdate, Projection, ProjectedEvent } from '../projection';
import { addToRunning, contributionToDate, emptyMonth, emptyRunning, refundsOwedOf, treasuryToDate, type AccountDoc, type InvoiceSums, type MonthSums, type PolicyDoc } from './account';

/** Documents: `caes/{caeId}` (the policy), `accounts/{caeId}:{entrepreneurId}`, `totals/{caeId}` (moved by each account's difference). */
export const TREASURY = 'treasury';

export type CaeDoc = { caeId: string; name: string; contribution: PolicyDoc };

export type VatMonth = { vatCollected: string; vatOnCreditNotes: string };

export type TotalsDoc = {
  caeId: string;
  accounts: number;
  /** The latest of the accounts' dates. */
  asOf: IsoDate;
  vatCollected: string;
  vatOnCreditNotes: string;
  contributions: string;
  cashHeld: string;
  /** What the entrepreneurs' clients are owed back (credit notes beyond what remained unpaid, not yet refunded). */
  refundsOwed: string;
  months: Record<YearMonth, VatMonth>;
};

export const accountId = (caeId: string, entrepreneurId: string): string => `${caeId}:${entrepreneurId}`;

type AccountEvent = Extract<
  DomainEvent,
  {
    type:
      | 'EntrepreneurIntegrated'
      | 'CapeSigned'
      | 'CapeRenewed'
      | 'CesaSigned'
      | 'InvoiceIssued'
      | 'CreditNoteIssued'
      | 'PaymentRecorded'
      | 'RefundRecorded'
      | 'ExpenseRecorded'
      | 'SalaryPaid'
      | 'MeetingRecorded'
      | 'EntrepreneurExited';
  }
>;

const ACCOUNT_EVENTS: ReadonlySet<string> = new Set<AccountEvent['type']>([
  'EntrepreneurIntegrated',
  'CapeSigned',
  'CapeRenewed',
  'CesaSigned',
  'InvoiceIssued',
  'CreditNoteIssued',
  'PaymentRecorded',
  'RefundRecorded',
  'ExpenseRecorded',
  'SalaryPaid',
  'MeetingRecorded',
  'EntrepreneurExited',
]);

const isAccountEvent = (event: DomainEvent): event is AccountEvent => ACCOUNT_EVENTS.has(event.type);

const plus = (a: string, b: string): string => formatMoney(money(a).plus(b));
const minus = (a: string, b: string): string => formatMoney(money(a).minus(b));

const addToMonth = (account: AccountDoc, month: YearMonth, amounts: Partial<MonthSums>): AccountDoc => {
  const sums = { ...(account.months[month] ?? emptyMonth()) };
  for (const [field, amount] of Object.entries(amounts) as [keyof MonthSums, string][]) sums[field] = plus(sums[field], amount);
  return { ...account, months: { ...account.months, [month]: sums }, running: addToRunning(account.running, month, amounts) };
};

/** Only invoices with something still due are kept: the account's size does not grow with its history. */
const withInvoice = (account: AccountDoc, number: string, change: (invoice: InvoiceSums) => InvoiceSums): AccountDoc => {
  const invoice = account.invoices[number];
  if (!invoice) return account;
  const changed = change(invoice);
  const { [number]: _settled, ...others } = account.invoices;
  const due = money(changed.totalInclVat).minus(changed.creditedInclVat).minus(changed.paid);
  return { ...account, invoices: due.greaterThan(0) ? { ...others, [number]: changed } : others };
};

/** Refunds still owed, by invoice, kept while owed. A refund the account saw no debt for (a v1 credit note stated none) is cash out only. */
const withRefundOwed = (account: AccountDoc, number: string, change: Money): AccountDoc => {
  if (change.isZero() || (change.isNegative() && account.refundsOwed[number] === undefined)) return account;
  const { [number]: owed, ...others } = account.refundsOwed;
  const after = money(owed ?? '0').plus(change);
  return { ...account, refundsOwed: after.greaterThan(0) ? { ...others, [number]: formatMoney(after) } : others };
};

/** The account's raw sums after the event (derived figures are refreshed by the caller). */
const record = (account: AccountDoc, event: AccountEvent): AccountDoc => {
  switch (event.type) {
    case 'InvoiceIssued': {
      const d = event.data;
      const invoices = { ...account.invoices, [d.number]: { issuedOn: d.issuedOn, dueOn: d.dueOn, totalInclVat: d.totalInclVat, creditedInclVat: '0.00', paid: '0.00' } };
      return addToMonth({ ...account, invoices }, monthOf(d.issuedOn), { revenueExclVat: d.totalExclVat });
    }
    case 'CreditNoteIssued': {
      const d = event.data;
      const credited = withRefundOwed(
        withInvoice(account, d.invoiceNumber, (i) => ({ ...i, creditedInclVat: plus(i.creditedInclVat, d.totalInclVat) })),
        d.invoiceNumber,
        money(d.refundOwed),
      );
      return addToMonth(credited, monthOf(d.issuedOn), { creditNotesExclVat: d.totalExclVat });
    }
    case 'PaymentRecorded': {
      const d = event.data;
      const paid = withInvoice(account, d.invoiceNumber, (i) => ({ ...i, paid: plus(i.paid, d.amount) }));
      return addToMonth(paid, monthOf(d.paidOn), { cashReceivedInclVat: d.amount, cashReceivedExclVat: d.amountExclVat });
    }
    case 'RefundRecorded': {
      const d = event.data;
      const refunded = withRefundOwed(account, d.invoiceNumber, money(d.amount).negated());
      return addToMonth(refunded, monthOf(d.refundedOn), { refundsInclVat: d.amount, refundsExclVat: d.amountExclVat });
    }
    case 'ExpenseRecorded':
      return addToMonth(account, monthOf(event.data.incurredOn), { expenses: event.data.amount });
    case 'SalaryPaid': {
      const d = event.data;
      const ofPeriod = addToMonth(account, d.period, { grossSalaries: d.gross, employerContributions: d.employerContributions });
      return addToMonth(ofPeriod, monthOf(d.paidOn), { salaryCostPaid: d.employerCost });
    }
    default:
      return account;
  }
};

const newAccount = (event: AccountEvent, date: IsoDate, policy: PolicyDoc): AccountDoc => ({
  caeId: event.data.caeId,
  entrepreneurId: event.data.entrepreneurId,
  firstIntegratedOn: date,
  asOf: date,
  months: {},
  invoices: {},
  refundsOwed: {},
  running: emptyRunning(firstContributedMonth(policy, date), monthOf(date)),
  contribution: '0.00',
  availableTreasury: '0.00',
});

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
const withVat = (totals: TotalsDoc, event: AccountEvent): TotalsDoc => {
  if (event.type !== 'InvoiceIssued' && event.type !== 'CreditNoteIssued') return totals;
  const month = monthOf(event.data.issuedOn);
  const current = totals.months[month] ?? { vatCollected: '0.00', vatOnCreditNotes: '0.00' };
  const field = event.type === 'InvoiceIssued' ? 'vatCollected' : 'vatOnCreditNotes';
  return {
    ...totals,
    [field]: plus(totals[field], event.data.totalVat),
    months: { ...totals.months, [month]: { ...current, [field]: plus(current[field], event.data.totalVat) } },
  };
};

const applyToAccount = (event: AccountEvent, docs: DocReader): DocUpdate[] => {
  const { caeId, entrepreneurId } = event.data;
  const cae = docs.get('caes', caeId) as CaeDoc | undefined;
  // The log never holds an entrepreneur's event before their CAE's registration or their integration.
  if (!cae) throw new Error(`${event.type} for CAE "${caeId}" before its registration`);
  const id = accountId(caeId, entrepreneurId);
  const before = docs.get('accounts', id) as AccountDoc | undefined;
  const date = occurredOn(event)!;
  if (!before && event.type !== 'EntrepreneurIntegrated') throw new Error(`${event.type} for "${entrepreneurId}" before their integration`);
  const recorded = record(before ?? newAccount(event, date, cae.contribution), event);
  const dated = { ...recorded, asOf: maxDate(recorded.asOf, date) };
  const after: AccountDoc = {
    ...dated,
    contribution: formatMoney(contributionToDate(dated, cae.contribution)),
    availableTreasury: formatMoney(treasuryToDate(dated, cae.contribution)),
  };
  const totals = withVat((docs.get('totals', caeId) as TotalsDoc | undefined) ?? newTotals(caeId, date), event);
  const movedTotals: TotalsDoc = {
    ...totals,
    accounts: totals.accounts + (before ? 0 : 1),
    asOf: maxDate(totals.asOf, after.asOf),
    contributions: plus(totals.contributions, minus(after.contribution, before?.contribution ?? '0.00')),
    cashHeld: plus(totals.cashHeld, minus(after.availableTreasury, before?.availableTreasury ?? '0.00')),
    refundsOwed: formatMoney(money(totals.refundsOwed).plus(refundsOwedOf(after)).minus(before ? refundsOwedOf(before) : 0)),
  };
  return [
    { collection: 'accounts', id, doc: after },
    { collection: 'totals', id: caeId, doc: movedTotals },
  ];
};

export const treasuryProjection: Projection = {
  name: TREASURY,
  version: 4,
  collections: ['caes', 'accounts', 'totals'],

  documentsFor(event: ProjectedEvent): DocRef[] {
    if (event.type === 'CaeRegistered') return [{ collection: 'caes', id: event.data.caeId }];
    if (!isAccountEvent(event)) return [];
    const { caeId, entrepreneurId } = event.data;
    return [
      { collection: 'caes', id: caeId },
      { collection: 'accounts', id: accountId(caeId, entrepreneurId) },
      { collection: 'totals', id: caeId },
    ];
  },

  apply(event: ProjectedEvent, docs: DocReader): DocUpdate[] {
    if (event.type === 'CaeRegistered') {
      const cae: CaeDoc = { caeId: event.data.caeId, name: event.data.name, contribution: event.data.contribution };
      return [{ collection: 'caes', id: cae.caeId, doc: cae }];
    }
    return isAccountEvent(event) ? applyToAccount(event, docs) : [];
  },
};
