import { CAPE_MAX_RENEWALS, PERSON_KINDS, type CommandType } from '../../../../libs/domain';
import { id, invoiceNumber } from '../../../../libs/domain/src/validation/fields';
import { BOOLEAN, COUNT, DATE, list, MONEY, oneOfValues, record, TEXT, type JsonSchema } from './json';

/**
 * What each accepted command answers as `result` besides its events: the second argument of `decided(events,
 * result)` in its slice (libs/domain/src/<slice>/). docs/api.md § The commands says what each field means.
 */

export const resultSchemaName = (type: CommandType): string => `${type}Result`;

const INVOICE_NUMBER: JsonSchema = { ...invoiceNumber().json, description: 'an invoice number YYYY-NNNNNN', examples: ['2016-000042'] };
const CONTRACT: JsonSchema = oneOfValues(['cape', 'cesa']);

/** A result with exactly these fields, all present, and an example of it. */
const result = (properties: Record<string, JsonSchema>, example: Record<string, unknown>, description?: string): JsonSchema => ({
  ...record(properties, description),
  examples: [example],
});

const NOTHING: JsonSchema = result({}, {}, 'nothing to add: always {}');

const TOTALS = { totalExclVat: MONEY, totalVat: MONEY, totalInclVat: MONEY };

// Under a CAPE the invoice must carry the CAPE's mention (C. com. L127-1); under a CESA it has none.
const CAPE_MENTION: JsonSchema = {
  ...record({ text: TEXT, caeName: TEXT, capeEndsOn: DATE }),
  description: 'present exactly when contract is "cape": the mention the invoice carries, the CAE and the CAPE\'s end',
};

const INVOICE_ISSUED: JsonSchema = {
  ...result(
    { number: INVOICE_NUMBER, dueOn: DATE, ...TOTALS, contract: CONTRACT, capeMention: CAPE_MENTION },
    { number: '2016-000042', dueOn: '2016-10-05', totalExclVat: '4500.00', totalVat: '900.00', totalInclVat: '5400.00', contract: 'cesa' },
    'the number given in the CAE\'s continuous series, the due date, the totals, the contract invoiced under',
  ),
  required: ['number', 'dueOn', 'totalExclVat', 'totalVat', 'totalInclVat', 'contract'],
};

/** Every command type's result schema: a type left out does not compile. */
export const commandResults: { readonly [T in CommandType]: JsonSchema } = {
  RegisterCae: NOTHING,
  RecordInformationSession: NOTHING,
  RecordIntakeInterview: NOTHING,
  IntegrateEntrepreneur: result({ integration: { ...COUNT, minimum: 1, description: '1 for a first integration, 2… for a return after an exit' } }, { integration: 1 }),
  SignCape: result({ endsOn: { ...DATE, description: 'the CAPE\'s last day' } }, { endsOn: '2017-01-10' }),
  RenewCape: result(
    { endsOn: { ...DATE, description: 'the renewed CAPE\'s last day' }, renewal: { ...COUNT, minimum: 1, maximum: CAPE_MAX_RENEWALS, description: 'which renewal this is: 1 for the first' } },
    { endsOn: '2018-01-10', renewal: 1 },
  ),
  SignCesa: result({ associateDeadline: { ...DATE, description: 'the day by which the entrepreneur must be an associate: CESA + 3 years − time under CAPE' } }, { associateDeadline: '2019-06-01' }),
  IssueInvoice: INVOICE_ISSUED,
  RecordPayment: result(
    { invoiceNumber: INVOICE_NUMBER, remainingDue: { ...MONEY, description: 'still due on the invoice, incl. VAT' }, fullyPaid: BOOLEAN },
    { invoiceNumber: '2016-000042', remainingDue: '0.00', fullyPaid: true },
  ),
  IssueCreditNote: result(
    {
      number: { ...INVOICE_NUMBER, description: 'the credit note\'s own number, in the invoices\' series' },
      invoiceNumber: INVOICE_NUMBER,
      ...TOTALS,
      refundOwed: { ...MONEY, description: 'what this credit note leaves owed back to the client (credited after payment), incl. VAT' },
    },
    { number: '2016-000043', invoiceNumber: '2016-000042', totalExclVat: '500.00', totalVat: '100.00', totalInclVat: '600.00', refundOwed: '600.00' },
  ),
  RecordRefund: result(
    { invoiceNumber: INVOICE_NUMBER, remainingOwed: { ...MONEY, description: 'still owed back to the client, incl. VAT' } },
    { invoiceNumber: '2016-000042', remainingOwed: '0.00' },
  ),
  RecordExpense: NOTHING,
  PaySalary: result(
    { employerCost: { ...MONEY, description: 'gross + employer contributions' }, treasuryAfter: { ...MONEY, description: 'the activity\'s available treasury after the salary' } },
    { employerCost: '2130.00', treasuryAfter: '870.00' },
  ),
  AdmitAssociate: result({ shares: { ...COUNT, minimum: 1 }, amount: { ...MONEY, description: 'shares × nominal value: the capital subscribed' } }, { shares: 20, amount: '500.00' }),
  RedeemShares: result(
    { remainingShares: COUNT, amount: { ...MONEY, description: 'shares × nominal value: what is repaid' }, leftAssociation: { ...BOOLEAN, description: 'no share left' } },
    { remainingShares: 0, amount: '500.00', leftAssociation: true },
  ),
  RecordMeeting: NOTHING,
  ExitEntrepreneur: result({ endedContracts: list(CONTRACT, 'the contracts the exit ended') }, { endedContracts: ['cesa'] }),
  RecordSubsidy: NOTHING,
  ForgetPerson: result({ kind: oneOfValues(PERSON_KINDS), personId: { ...id().json, description: 'the entrepreneurId, the associateId, or the invoice number of a private client' } }, { kind: 'entrepreneur', personId: 'e-001' }, 'the person whose personal data is now erased'),
};
