import type { Fold } from '../command-handling/stream-reader';
import { addDays, maxDate } from '../dates';
import type { DomainEvent } from '../events';
import type { ClientKind, VatRate } from '../invoicing/commands';
import type { IsoDate, YearMonth } from '../values';
import { Decimal, money, ZERO, type Money } from '../money';

/** What remains of an invoice at one VAT rate (for credit notes that cancel what remains). */
export interface RateRemainder {
  base: Money;
  vat: Money;
}

export interface InvoiceState {
  number: string;
  issuedOn: IsoDate;
  clientKind: ClientKind;
  /** The activity's sector when the invoice was issued: its credit notes count in the same sector. */
  sector: string;
  totalExclVat: Money;
  totalInclVat: Money;
  creditedExclVat: Money;
  creditedInclVat: Money;
  paid: Money;
  paidExclVat: Money;
  lastPaidOn?: IsoDate;
  refunded: Money;
  refundedExclVat: Money;
  /** The day a refund became owed (the credit note that made it, or the later payment it returns): no refund before it. */
  refundOwedSince?: IsoDate;
  remainingByRate: Partial<Record<VatRate, RateRemainder>>;
}

export interface Cape {
  firstSignedOn: IsoDate;
  lastSignedOn: IsoDate;
  /** Last day covered (inclusive). */
  endsOn: IsoDate;
  renewals: number;
  totalMonths: number;
}

export interface Cesa {
  signedOn: IsoDate;
  associateDeadline: IsoDate;
}

/**
 * An entrepreneur of one CAE across their integrations: contracts of the current integration, and the
 * activity account's running sums (money belongs to the activity, it is not reset by a return).
 */
export interface EntrepreneurState {
  /** Number of integrations so far (0: unknown to the CAE). */
  integration: number;
  integratedOn?: IsoDate;
  /** The first integration: contributions (and their waived first months) run from it, across returns. */
  firstIntegratedOn?: IsoDate;
  /** Last day with an invoice, expense or meeting in the current integration: an exit cannot predate it. */
  lastActivityOn?: IsoDate;
  exitedOn?: IsoDate;
  sector?: string;
  cape?: Cape;
  cesa?: Cesa;
  invoices: Record<string, InvoiceState>;
  /** Cash received excl. VAT, by month received. */
  cashExclVatByMonth: Record<YearMonth, Money>;
  /** Expenses excl. VAT, by month incurred. */
  expensesByMonth: Record<YearMonth, Money>;
  salaryCost: Money;
  salaryPeriods: Record<YearMonth, true>;
}

export const initialEntrepreneurState = (): EntrepreneurState => ({
  integration: 0,
  invoices: {},
  cashExclVatByMonth: {},
  expensesByMonth: {},
  salaryCost: ZERO,
  salaryPeriods: {},
});

const addTo = (byMonth: Record<YearMonth, Money>, month: YearMonth, amount: Money): Record<YearMonth, Money> => ({
  ...byMonth,
  [month]: (byMonth[month] ?? ZERO).plus(amount),
});

const activeOn = (state: EntrepreneurState, day: IsoDate): EntrepreneurState =>
  state.lastActivityOn !== undefined && state.lastActivityOn >= day ? state : { ...state, lastActivityOn: day };

const withInvoice = (state: EntrepreneurState, invoice: InvoiceState): EntrepreneurState => ({
  ...state,
  invoices: { ...state.invoices, [invoice.number]: invoice },
});

/** Money received or given back on an invoice: the invoice's sums change (when known) and the month's cash excl. VAT moves. */
const withCashMovement = (
  state: EntrepreneurState,
  number: string,
  on: IsoDate,
  cashExclVat: Money,
  change: (invoice: InvoiceState) => InvoiceState,
): EntrepreneurState => {
  const invoice = state.invoices[number];
  const next = invoice ? withInvoice(state, change(invoice)) : state;
  return { ...next, cashExclVatByMonth: addTo(next.cashExclVatByMonth, on.slice(0, 7), cashExclVat) };
};

export const evolveEntrepreneur = (state: EntrepreneurState, event: DomainEvent): EntrepreneurState => {
  switch (event.type) {
    case 'EntrepreneurIntegrated': {
      const { cape: _cape, cesa: _cesa, exitedOn: _exitedOn, lastActivityOn: _lastActivityOn, ...kept } = state;
      return {
        ...kept,
        integration: event.data.integration,
        integratedOn: event.data.integratedOn,
        firstIntegratedOn: state.firstIntegratedOn ?? event.data.integratedOn,
        sector: event.data.activity.sector,
        salaryPeriods: {},
      };
    }
    case 'CapeSigned':
      return {
        ...state,
        cape: {
          firstSignedOn: event.data.signedOn,
          lastSignedOn: event.data.signedOn,
          endsOn: event.data.endsOn,
          renewals: 0,
          totalMonths: event.data.totalMonths,
        },
      };
    case 'CapeRenewed':
      return state.cape
        ? {
            ...state,
            cape: {
              ...state.cape,
              lastSignedOn: event.data.renewedOn,
              endsOn: event.data.endsOn,
              renewals: event.data.renewal,
              totalMonths: event.data.totalMonths,
            },
          }
        : state;
    case 'CesaSigned': {
      // A CESA ends the CAPE in force: its last day is the day before the CESA.
      const cape = state.cape && state.cape.endsOn >= event.data.signedOn ? { ...state.cape, endsOn: addDays(event.data.signedOn, -1) } : state.cape;
      return {
        ...state,
        ...(cape ? { cape } : {}),
        cesa: { signedOn: event.data.signedOn, associateDeadline: event.data.associateDeadline },
      };
    }
    case 'EntrepreneurExited':
      return { ...state, exitedOn: event.data.exitedOn };
    case 'InvoiceIssued': {
      const remainingByRate: Partial<Record<VatRate, RateRemainder>> = {};
      for (const b of event.data.vatBreakdown) remainingByRate[b.vatRate] = { base: money(b.baseExclVat), vat: money(b.vat) };
      return withInvoice(activeOn(state, event.data.issuedOn), {
        number: event.data.number,
        issuedOn: event.data.issuedOn,
        clientKind: event.data.client.kind,
        sector: event.data.sector,
        totalExclVat: money(event.data.totalExclVat),
        totalInclVat: money(event.data.totalInclVat),
        creditedExclVat: ZERO,
        creditedInclVat: ZERO,
        paid: ZERO,
        paidExclVat: ZERO,
        refunded: ZERO,
        refundedExclVat: ZERO,
        remainingByRate,
      });
    }
    case 'CreditNoteIssued': {
      const invoice = state.invoices[event.data.invoiceNumber];
      if (!invoice) return state;
      const remainingByRate = { ...invoice.remainingByRate };
      for (const b of event.data.vatBreakdown) {
        const r = remainingByRate[b.vatRate] ?? { base: ZERO, vat: ZERO };
        remainingByRate[b.vatRate] = { base: r.base.minus(b.baseExclVat), vat: r.vat.minus(b.vat) };
      }
      const credited: InvoiceState = {
        ...invoice,
        creditedExclVat: invoice.creditedExclVat.plus(event.data.totalExclVat),
        creditedInclVat: invoice.creditedInclVat.plus(event.data.totalInclVat),
        remainingByRate,
      };
      const newlyOwed = refundOwedOf(invoice).isZero() && refundOwedOf(credited).greaterThan(0);
      const since = maxDate(event.data.issuedOn, invoice.lastPaidOn ?? event.data.issuedOn);
      return withInvoice(state, newlyOwed ? { ...credited, refundOwedSince: since } : credited);
    }
    case 'PaymentRecorded': {
      const d = event.data;
      return withCashMovement(state, d.invoiceNumber, d.paidOn, money(d.amountExclVat), (invoice) => ({
        ...invoice,
        paid: invoice.paid.plus(d.amount),
        paidExclVat: invoice.paidExclVat.plus(d.amountExclVat),
        lastPaidOn: maxDate(invoice.lastPaidOn ?? d.paidOn, d.paidOn),
      }));
    }
    case 'RefundRecorded': {
      const d = event.data;
      // Cash given back leaves the activity in the month it is paid out.
      return withCashMovement(state, d.invoiceNumber, d.refundedOn, money(d.amountExclVat).negated(), (invoice) => ({
        ...invoice,
        refunded: invoice.refunded.plus(d.amount),
        refundedExclVat: invoice.refundedExclVat.plus(d.amountExclVat),
      }));
    }
    case 'ExpenseRecorded':
      return {
        ...activeOn(state, event.data.incurredOn),
        expensesByMonth: addTo(state.expensesByMonth, event.data.incurredOn.slice(0, 7), money(event.data.amount)),
      };
    case 'MeetingRecorded':
      return activeOn(state, event.data.heldOn);
    case 'SalaryPaid':
      return {
        ...state,
        salaryCost: state.salaryCost.plus(event.data.employerCost),
        salaryPeriods: { ...state.salaryPeriods, [event.data.period]: true },
      };
    default:
      return state;
  }
};

/** The entrepreneur boundary: how an entrepreneur's stream folds. */
export const ENTREPRENEUR_FOLD: Fold<EntrepreneurState> = { initial: initialEntrepreneurState, evolve: evolveEntrepreneur };

/** Present in the CAE on day d: integratedOn ≤ d < exitedOn (API.md). */
export const isPresentOn = (state: EntrepreneurState, d: IsoDate): boolean =>
  state.integratedOn !== undefined && state.integratedOn <= d && (state.exitedOn === undefined || d < state.exitedOn);

export const capeInForceOn = (state: EntrepreneurState, d: IsoDate): Cape | undefined =>
  state.cape && isPresentOn(state, d) && state.cape.firstSignedOn <= d && d <= state.cape.endsOn ? state.cape : undefined;

export const cesaInForceOn = (state: EntrepreneurState, d: IsoDate): Cesa | undefined =>
  state.cesa && isPresentOn(state, d) && state.cesa.signedOn <= d ? state.cesa : undefined;

/** What is still due on an invoice, incl. VAT: never negative, a credit note beyond it is a refund owed. */
export const dueOf = (invoice: InvoiceState): Money => Decimal.max(ZERO, invoice.totalInclVat.minus(invoice.creditedInclVat).minus(invoice.paid));

/** What the client is owed back, incl. VAT: what was paid beyond the invoice net of credit notes, less the refunds made. */
export const refundOwedOf = (invoice: InvoiceState): Money =>
  Decimal.max(ZERO, invoice.paid.minus(invoice.totalInclVat.minus(invoice.creditedInclVat))).minus(invoice.refunded);
