import type { ClientKind } from '../clients/commands';
import type { Fold } from '../command-handling/stream-reader';
import type { DomainEvent } from '../events';
import { creditedBy, issuedInvoice, paidBy, refundedBy, type InvoiceState } from '../invoicing/invoice-state';
import type { IsoDate, YearMonth } from '../values';
import { money, ZERO, type Money } from '../money';
import { capeEndedBy, renewedCape, signedCape, signedCesa, type Cape, type Cesa } from './contracts';

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
  /** Its quotes and their answer (absent in states folded before quotes existed). */
  quotes?: Record<string, { issuedOn: IsoDate; validUntil: IsoDate; status: 'issued' | 'accepted' | 'declined'; clientKind: ClientKind }>;
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
      return { ...state, cape: signedCape(event.data) };
    case 'CapeRenewed':
      return state.cape ? { ...state, cape: renewedCape(state.cape, event.data) } : state;
    case 'CesaSigned':
      return { ...state, ...(state.cape ? { cape: capeEndedBy(state.cape, event.data) } : {}), cesa: signedCesa(event.data) };
    case 'EntrepreneurExited':
      return { ...state, exitedOn: event.data.exitedOn };
    case 'QuoteIssued': {
      const d = event.data;
      return { ...state, quotes: { ...state.quotes, [d.number]: { issuedOn: d.issuedOn, validUntil: d.validUntil, status: 'issued', clientKind: d.client.kind } } };
    }
    case 'QuoteAccepted':
    case 'QuoteDeclined': {
      const quote = state.quotes?.[event.data.number];
      return quote ? { ...state, quotes: { ...state.quotes, [event.data.number]: { ...quote, status: event.type === 'QuoteAccepted' ? 'accepted' : 'declined' } } } : state;
    }
    case 'InvoiceIssued':
      return withInvoice(activeOn(state, event.data.issuedOn), issuedInvoice(event.data));
    case 'CreditNoteIssued': {
      const invoice = state.invoices[event.data.invoiceNumber];
      return invoice ? withInvoice(state, creditedBy(invoice, event.data)) : state;
    }
    case 'PaymentRecorded': {
      const d = event.data;
      return withCashMovement(state, d.invoiceNumber, d.paidOn, money(d.amountExclVat), (invoice) => paidBy(invoice, d));
    }
    case 'RefundRecorded': {
      const d = event.data;
      // Cash given back leaves the activity in the month it is paid out.
      return withCashMovement(state, d.invoiceNumber, d.refundedOn, money(d.amountExclVat).negated(), (invoice) => refundedBy(invoice, d));
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

/** Present in the CAE on day d: integratedOn ≤ d < exitedOn (docs/rules.md#presenton). */
export const isPresentOn = (state: EntrepreneurState, d: IsoDate): boolean =>
  state.integratedOn !== undefined && state.integratedOn <= d && (state.exitedOn === undefined || d < state.exitedOn);

export const capeInForceOn = (state: EntrepreneurState, d: IsoDate): Cape | undefined =>
  state.cape && isPresentOn(state, d) && state.cape.firstSignedOn <= d && d <= state.cape.endsOn ? state.cape : undefined;

export const cesaInForceOn = (state: EntrepreneurState, d: IsoDate): Cesa | undefined =>
  state.cesa && isPresentOn(state, d) && state.cesa.signedOn <= d ? state.cesa : undefined;
