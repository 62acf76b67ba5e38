import { addMoney, isPositiveMoney, subtractMoney, type DecimalString, type InvoiceIssued, type IsoDate } from '../../libs/domain';
import { collectionOf, defineProjection, type TypedUpdate } from '../projection';
import { expenseAccount, OTHER_CLIENTS, OTHER_SUPPLIERS, PRIVATE_CLIENTS, type AccountNumber, type JournalCode } from './chart';
import { invoiceId, LEDGER, movementId, type BooksDoc, type InvoiceAccountDoc, type LedgerEntry, type LedgerLine, type MovementDoc } from './documents';

type Collections = { movements: MovementDoc; invoices: InvoiceAccountDoc & { revenueAccount: AccountNumber }; caes: BooksDoc };
type InvoiceAccount = Collections['invoices'];

const debit = (account: AccountNumber, amount: DecimalString, analytic: string, aux: { aux: string; auxLabel: string } | null = null): LedgerLine => ({
  account, aux: aux?.aux ?? null, auxLabel: aux?.auxLabel ?? null, debit: amount, credit: '0.00', analytic,
});
const credit = (account: AccountNumber, amount: DecimalString, analytic: string, aux: { aux: string; auxLabel: string } | null = null): LedgerLine => ({
  ...debit(account, '0.00', analytic, aux), credit: amount,
});

/** An entry, its zero lines left out (a 0% VAT line books nothing). */
const entry = (journal: JournalCode, on: IsoDate, pieceRef: string, label: string, lines: LedgerLine[]): LedgerEntry => ({
  journal, on, pieceRef, pieceDate: on, label, lines: lines.filter((line) => isPositiveMoney(line.debit) || isPositiveMoney(line.credit)),
});

const booked = (caeId: string, position: number, entries: LedgerEntry[]): TypedUpdate<Collections> => ({
  collection: 'movements', id: movementId(caeId, position), doc: { caeId, position, entries },
});

/** The client's auxiliary account: the directory's id, a company's SIREN, or a shared one (never a private person's name). */
const clientAccount = ({ client }: InvoiceIssued): { aux: string; auxLabel: string } => {
  if (client.kind === 'individual') return { aux: PRIVATE_CLIENTS.aux, auxLabel: PRIVATE_CLIENTS.label };
  if (client.clientId !== undefined) return { aux: client.clientId.toUpperCase(), auxLabel: client.name ?? client.clientId };
  if (client.siren !== undefined) return { aux: client.siren, auxLabel: client.name ?? client.siren };
  return { aux: OTHER_CLIENTS.aux, auxLabel: client.name ?? OTHER_CLIENTS.label };
};

const invoiceRef = (caeId: string, number: string) => ({ collection: 'invoices' as const, id: invoiceId(caeId, number) });

/** Documents of an invoice's later movements: their own, and the invoice's accounts. */
const onInvoice = (e: { position: number; data: { caeId: string; invoiceNumber: string } }) => [
  { collection: 'movements' as const, id: movementId(e.data.caeId, e.position) },
  invoiceRef(e.data.caeId, e.data.invoiceNumber),
];

const whose = (account: InvoiceAccount | undefined): { aux: string; auxLabel: string } => account ?? { aux: OTHER_CLIENTS.aux, auxLabel: OTHER_CLIENTS.label };

/**
 * The books of the CAE's activity, one movement per event that moves money: sales from invoices and credit notes,
 * bank from payments, refunds and what salaries and expenses pay out, payroll from salaries, purchases from
 * expenses. Each line carries its entrepreneur's analytic code. The FEC (fec.ts) is written from them.
 */
export const ledgerProjection = defineProjection({
  name: LEDGER,
  version: 1,
  collections: { movements: collectionOf<MovementDoc>(), invoices: collectionOf<Collections['invoices']>(), caes: collectionOf<BooksDoc>() },
  on: {
    CaeIdentityRecorded: {
      // The FEC is named by the SIREN in force at the closing date.
      documents: (e) => [{ collection: 'caes', id: e.data.caeId }],
      apply: ({ data: d }, docs) => {
        const books = docs.get('caes', d.caeId) ?? { caeId: d.caeId, sirens: [] };
        return [{ collection: 'caes', id: d.caeId, doc: { ...books, sirens: [...books.sirens, { effectiveOn: d.effectiveOn, siren: d.siren }] } }];
      },
    },
    InvoiceIssued: {
      documents: (e) => [{ collection: 'movements', id: movementId(e.data.caeId, e.position) }, invoiceRef(e.data.caeId, e.data.number)],
      apply: ({ position, data: d }) => {
        const account = clientAccount(d);
        const revenueAccount: AccountNumber = d.operationCategory === 'goods' ? '707000' : '706000';
        const a = d.entrepreneurId;
        const lines = [
          debit('411000', d.totalInclVat, a, account),
          ...d.vatBreakdown.map((rate) => credit(revenueAccount, rate.baseExclVat, a)),
          ...d.vatBreakdown.map((rate) => credit('445710', rate.vat, a)),
        ];
        return [
          booked(d.caeId, position, [entry('VE', d.issuedOn, d.number, `Facture ${d.number} ${account.auxLabel}`, lines)]),
          { ...invoiceRef(d.caeId, d.number), doc: { caeId: d.caeId, number: d.number, ...account, revenueAccount } },
        ];
      },
    },
    CreditNoteIssued: {
      documents: onInvoice,
      apply: ({ position, data: d }, docs) => {
        const invoice = docs.get('invoices', invoiceId(d.caeId, d.invoiceNumber));
        const account = whose(invoice);
        const a = d.entrepreneurId;
        const lines = [
          ...d.vatBreakdown.map((rate) => debit(invoice?.revenueAccount ?? '706000', rate.baseExclVat, a)),
          ...d.vatBreakdown.map((rate) => debit('445710', rate.vat, a)),
          credit('411000', d.totalInclVat, a, account),
        ];
        return [booked(d.caeId, position, [entry('VE', d.issuedOn, d.number, `Avoir ${d.number} sur ${d.invoiceNumber} ${account.auxLabel}`, lines)])];
      },
    },
    PaymentRecorded: {
      documents: onInvoice,
      apply: ({ position, data: d }, docs) => {
        const account = whose(docs.get('invoices', invoiceId(d.caeId, d.invoiceNumber)));
        const lines = [debit('512000', d.amount, d.entrepreneurId), credit('411000', d.amount, d.entrepreneurId, account)];
        return [booked(d.caeId, position, [entry('BQ', d.paidOn, d.invoiceNumber, `Encaissement ${d.invoiceNumber} ${account.auxLabel}`, lines)])];
      },
    },
    RefundRecorded: {
      documents: onInvoice,
      apply: ({ position, data: d }, docs) => {
        const account = whose(docs.get('invoices', invoiceId(d.caeId, d.invoiceNumber)));
        const lines = [debit('411000', d.amount, d.entrepreneurId, account), credit('512000', d.amount, d.entrepreneurId)];
        return [booked(d.caeId, position, [entry('BQ', d.refundedOn, d.invoiceNumber, `Remboursement ${d.invoiceNumber} ${account.auxLabel}`, lines)])];
      },
    },
    SalaryPaid: {
      documents: (e) => [{ collection: 'movements', id: movementId(e.data.caeId, e.position) }],
      apply: ({ position, data: d }) => {
        const a = d.entrepreneurId;
        const net = subtractMoney(d.gross, d.employeeContributions);
        const piece = `PAIE-${a}-${d.period}`;
        const payroll = [debit('641000', d.gross, a), debit('645000', d.employerContributions, a), credit('421000', net, a), credit('431000', addMoney(d.employeeContributions, d.employerContributions), a)];
        return [
          booked(d.caeId, position, [
            entry('PA', d.paidOn, piece, `Salaire ${d.period}`, payroll),
            entry('BQ', d.paidOn, piece, `Virement salaire ${d.period}`, [debit('421000', net, a), credit('512000', net, a)]),
          ]),
        ];
      },
    },
    ExpenseRecorded: {
      documents: (e) => [{ collection: 'movements', id: movementId(e.data.caeId, e.position) }],
      apply: ({ position, data: d }) => {
        const a = d.entrepreneurId;
        const total = addMoney(d.amount, d.vat);
        const supplier = { aux: OTHER_SUPPLIERS.aux, auxLabel: OTHER_SUPPLIERS.label };
        const piece = `FRAIS-${position}`;
        return [
          booked(d.caeId, position, [
            entry('AC', d.incurredOn, piece, `${d.category}`, [debit(expenseAccount(d.category), d.amount, a), debit('445660', d.vat, a), credit('401000', total, a, supplier)]),
            entry('BQ', d.incurredOn, piece, `Règlement ${d.category}`, [debit('401000', total, a, supplier), credit('512000', total, a)]),
          ]),
        ];
      },
    },
  },
});
