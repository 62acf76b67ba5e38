import {
  ASSOCIATE_CATEGORIES,
  CLIENT_KINDS,
  CONTRIBUTION_BASES,
  EXIT_REASONS,
  GENDERS,
  LEGAL_FORMS,
  MEETING_KINDS,
  PERSON_KINDS,
  SITUATIONS_AT_ENTRY,
  VAT_RATES,
  type CommandDataByType,
  type CommandType,
} from '../commands';
import { arr, bool, date, decimal, int, isAbsent, money, month, obj, oneOf, optional, pattern, str, type Schema } from './schema';

/** The data of each command, field by field as in the table of API.md. */

// Identifiers end up in stream names (`entrepreneur-{caeId}/{entrepreneurId}`): no "/" in them, nothing but these characters.
const id = () =>
  pattern(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be an identifier: 1 to 64 letters, digits, "_", "." or "-", starting with a letter or digit', 64);
const INVOICE_NUMBER = /^\d{4}-\d{6}$/;
const invoiceNumber = () => pattern(INVOICE_NUMBER, 'must be an invoice number YYYY-NNNNNN (e.g. "2016-000001")', 11);

const name = () => str(200);
const longText = () => str(1000);
const postalCode = () => str(20);

const rate = () => decimal({ decimals: 4, integerDigits: 1, example: '0.12', max: '1' });
const quantity = () => decimal({ decimals: 3, integerDigits: 12, example: '2', positive: true });
const hours = (max: string) => decimal({ decimals: 2, integerDigits: 3, example: '151.67', max });

const line = obj({ description: longText(), quantity: quantity(), unitPrice: money(), vatRate: oneOf(VAT_RATES) });
const lines = () => arr(line, { min: 1, max: 200, noun: 'invoice lines' });

const person = obj({
  firstName: name(),
  lastName: name(),
  gender: oneOf(GENDERS),
  birthYear: int({ min: 1900, max: 2100 }),
  postalCode: optional(postalCode()),
  city: optional(name()),
  educationLevel: optional(name()),
});

const associatePerson = obj({
  name: name(),
  gender: optional(oneOf(GENDERS)),
  birthYear: optional(int({ min: 1900, max: 2100 })),
  postalCode: optional(postalCode()),
  city: optional(name()),
});

const shares = () => int({ min: 1, max: 1_000_000 });

export const commandSchemas: { [T in CommandType]: Schema<CommandDataByType[T]> } = {
  RegisterCae: obj({
    caeId: id(),
    name: name(),
    legalForm: oneOf(LEGAL_FORMS),
    region: name(),
    contribution: obj({
      rate: rate(),
      base: oneOf(CONTRIBUTION_BASES),
      fixedMonthly: optional(money()),
      waivedMonths: optional(int({ min: 0, max: 120 })),
    }),
    shareNominalValue: money({ positive: true }),
    payroll: optional(obj({ employeeRate: rate(), employerRate: rate() })),
  }),
  RecordInformationSession: obj({ caeId: id(), heldOn: date(), attendees: int({ min: 0, max: 100_000 }) }),
  RecordIntakeInterview: obj({ caeId: id(), heldOn: date() }),
  IntegrateEntrepreneur: obj({
    caeId: id(),
    entrepreneurId: id(),
    integratedOn: date(),
    person,
    activity: obj({ description: longText(), sector: name() }),
    situationAtEntry: oneOf(SITUATIONS_AT_ENTRY),
    parallelActivity: bool(),
  }),
  // months > 12 passes here: the domain refuses it with CAPE_DURATION_INVALID.
  SignCape: obj({ caeId: id(), entrepreneurId: id(), signedOn: date(), months: int({ min: 1 }) }),
  RenewCape: obj({ caeId: id(), entrepreneurId: id(), renewedOn: date(), months: int({ min: 1 }) }),
  SignCesa: obj({ caeId: id(), entrepreneurId: id(), signedOn: date(), fixedMonthlyGross: optional(money()) }),
  IssueInvoice: obj({
    caeId: id(),
    entrepreneurId: id(),
    issuedOn: date(),
    dueOn: optional(date()),
    client: obj({ name: name(), kind: oneOf(CLIENT_KINDS), postalCode: optional(postalCode()) }),
    lines: lines(),
    vatExemptionMention: optional(longText()),
  }),
  RecordPayment: obj({ caeId: id(), invoiceNumber: invoiceNumber(), paidOn: date(), amount: money({ positive: true }) }),
  RecordRefund: obj({ caeId: id(), invoiceNumber: invoiceNumber(), refundedOn: date(), amount: money({ positive: true }) }),
  IssueCreditNote: obj({ caeId: id(), invoiceNumber: invoiceNumber(), issuedOn: date(), reason: longText(), lines: optional(lines()) }),
  RecordExpense: obj({
    caeId: id(),
    entrepreneurId: id(),
    incurredOn: date(),
    category: name(),
    amount: money({ positive: true }),
    vat: money(),
    description: longText(),
  }),
  PaySalary: obj({
    caeId: id(),
    entrepreneurId: id(),
    period: month(),
    paidOn: date(),
    gross: money({ positive: true }),
    hours: hours('744'),
    employeeContributions: optional(money()),
    employerContributions: optional(money()),
  }),
  AdmitAssociate: obj(
    {
      caeId: id(),
      associateId: id(),
      admittedOn: date(),
      shares: shares(),
      category: oneOf(ASSOCIATE_CATEGORIES),
      entrepreneurId: optional(id()),
      person: optional(associatePerson),
    },
    // An entrepreneur associate is known by their id; anyone else brings their (sealed) personal data.
    ({ category }, raw, report) => {
      if (category === undefined) return;
      const [needed, forbidden] = category === 'entrepreneur' ? ['entrepreneurId', 'person'] : ['person', 'entrepreneurId'];
      if (isAbsent(raw[needed])) report(needed, `is required when category is ${category}`);
      if (!isAbsent(raw[forbidden])) report(forbidden, `is not allowed when category is ${category}`);
    },
  ),
  RedeemShares: obj({ caeId: id(), associateId: id(), redeemedOn: date(), shares: shares() }),
  RecordMeeting: obj({ caeId: id(), entrepreneurId: id(), heldOn: date(), kind: oneOf(MEETING_KINDS), hours: hours('24'), notes: optional(str(2000)) }),
  ExitEntrepreneur: obj({ caeId: id(), entrepreneurId: id(), exitedOn: date(), reason: oneOf(EXIT_REASONS) }),
  RecordSubsidy: obj({ caeId: id(), receivedOn: date(), funder: name(), amount: money({ positive: true }) }),
  ForgetPerson: obj(
    { caeId: id(), kind: oneOf(PERSON_KINDS), personId: id() },
    // A private client is known by the invoice it was invoiced under.
    ({ kind, personId }, _raw, report) => {
      if (kind === 'client' && personId !== undefined && !INVOICE_NUMBER.test(personId)) report('personId', 'must be an invoice number YYYY-NNNNNN when kind is client');
    },
  ),
};
