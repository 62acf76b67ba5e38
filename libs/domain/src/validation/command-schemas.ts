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
  type AssociatePerson,
  type CommandDataByType,
  type CommandType,
} from '../commands';
import { arr, bool, date, decimal, fail, FAIL, int, isAbsent, isPlainObject, money, month, obj, oneOf, optional, pattern, schema, str, type Schema } from './schema';

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

const birthYear = () => int({ min: 1900, max: 2100 });

// What every form of person may add to its name.
const personDetails = {
  gender: optional(oneOf(GENDERS)),
  birthYear: optional(birthYear()),
  postalCode: optional(postalCode()),
  city: optional(name()),
};

// The fields every natural person shares; IntegrateEntrepreneur extends them.
const naturalPersonFields = { firstName: name(), lastName: name(), ...personDetails };

const naturalPerson = obj(naturalPersonFields);

// The statistics count entrepreneurs by gender and age.
const entrepreneurPerson = obj({ ...naturalPersonFields, gender: oneOf(GENDERS), birthYear: birthYear(), educationLevel: optional(name()) });

// Any length up to 20 gets the SIREN message, not a length one.
const legalPerson = obj({ organisation: obj({ name: name(), siren: optional(pattern(/^\d{9}$/, 'must be a SIREN: 9 digits', 20)) }) });

const namedPerson = obj({ name: name(), ...personDetails });

/** Which form a person was sent in: the key that names it decides; keys of another form are refused by name. */
const PERSON_FORMS = [
  { key: 'organisation', schema: legalPerson, others: ['name', ...Object.keys(naturalPersonFields)], form: 'an organisation' },
  { key: 'name', schema: namedPerson, others: ['firstName', 'lastName', 'organisation'], form: 'name' },
] as const;

const associatePerson: Schema<AssociatePerson> = schema((input, path, issues) => {
  if (!isPlainObject(input)) return fail(issues, path, 'must be an object');
  const form = PERSON_FORMS.find(({ key }) => !isAbsent(input[key]));
  if (form === undefined) return naturalPerson.parse(input, path, issues);
  const mixed = form.others.filter((key) => !isAbsent(input[key]));
  for (const key of mixed) issues.push({ path: `${path}.${key}`, message: `is not allowed with ${form.form} (one form: firstName and lastName, organisation, or name)` });
  return mixed.length > 0 ? FAIL : form.schema.parse(input, path, issues);
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
    person: entrepreneurPerson,
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
