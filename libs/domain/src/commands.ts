/**
 * The commands of API.md, as they are once validated. Money, rates, quantities and hours stay decimal
 * strings (the wire format); deciders turn them into Decimal for arithmetic.
 */

export type IsoDate = string; // YYYY-MM-DD
export type YearMonth = string; // YYYY-MM
export type DecimalString = string; // "1234.50", "0.12", "151.67"

export const LEGAL_FORMS = ['SARL_SCOP', 'SA_SCOP', 'SAS_SCOP', 'SCIC'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const CONTRIBUTION_BASES = ['revenue', 'gross_margin'] as const;
export type ContributionBase = (typeof CONTRIBUTION_BASES)[number];

export const GENDERS = ['F', 'M', 'X'] as const;
export type Gender = (typeof GENDERS)[number];

export const SITUATIONS_AT_ENTRY = ['unemployed', 'employed', 'minimum_income', 'student', 'other'] as const;
export type SituationAtEntry = (typeof SITUATIONS_AT_ENTRY)[number];

export const CLIENT_KINDS = ['company', 'individual', 'public_body', 'association'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export const VAT_RATES = ['20', '10', '5.5', '2.1', '0'] as const;
export type VatRate = (typeof VAT_RATES)[number];

export const ASSOCIATE_CATEGORIES = ['entrepreneur', 'staff', 'external'] as const;
export type AssociateCategory = (typeof ASSOCIATE_CATEGORIES)[number];

/** The kinds of person whose data the system holds: each kind names its people by its own ids (personal-data.ts). */
export const PERSON_KINDS = ['entrepreneur', 'associate', 'client'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const MEETING_KINDS = ['individual', 'collective', 'workshop'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const EXIT_REASONS = [
  'company_creation',
  'salaried_job',
  'training',
  'other_project',
  'abandonment',
  'cape_ended',
  'associate_deadline_missed',
  'other',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export interface ContributionPolicy {
  rate: DecimalString; // "0.12"
  base: ContributionBase;
  fixedMonthly?: DecimalString;
  waivedMonths?: number;
}

export interface PayrollRates {
  employeeRate: DecimalString; // "0.22"
  employerRate: DecimalString; // "0.42"
}

/** A natural person, in every command that carries one: personal data, never stored in clear in the log (sealed per person). */
export interface NaturalPerson {
  firstName: string;
  lastName: string;
  gender?: Gender;
  birthYear?: number;
  postalCode?: string;
  city?: string;
}

/** An entrepreneur: the statistics need their gender and birth year. */
export interface Person extends NaturalPerson {
  gender: Gender;
  birthYear: number;
  educationLevel?: string;
}

/** A legal person (an external associate that is an organisation); siren: its 9 digits. */
export interface LegalPerson {
  organisation: { name: string; siren?: string };
}

/** The first form of an associate's person, still accepted from import files: kept as given (a name cannot be split reliably). */
export interface NamedPerson {
  name: string;
  gender?: Gender;
  birthYear?: number;
  postalCode?: string;
  city?: string;
}

/** Personal data of an associate who is not an entrepreneur of the CAE (staff, external person or body). */
export type AssociatePerson = NaturalPerson | LegalPerson | NamedPerson;

export interface InvoiceLine {
  description: string;
  quantity: DecimalString;
  unitPrice: DecimalString; // excl. VAT
  vatRate: VatRate;
}

export interface Client {
  name: string;
  kind: ClientKind;
  postalCode?: string;
}

export interface RegisterCae {
  caeId: string;
  name: string;
  legalForm: LegalForm;
  region: string;
  contribution: ContributionPolicy;
  shareNominalValue: DecimalString;
  payroll?: PayrollRates;
}

export interface RecordInformationSession {
  caeId: string;
  heldOn: IsoDate;
  attendees: number;
}

export interface RecordIntakeInterview {
  caeId: string;
  heldOn: IsoDate;
}

export interface IntegrateEntrepreneur {
  caeId: string;
  entrepreneurId: string;
  integratedOn: IsoDate;
  person: Person;
  activity: { description: string; sector: string };
  situationAtEntry: SituationAtEntry;
  parallelActivity: boolean;
}

export interface SignCape {
  caeId: string;
  entrepreneurId: string;
  signedOn: IsoDate;
  months: number;
}

export interface RenewCape {
  caeId: string;
  entrepreneurId: string;
  renewedOn: IsoDate;
  months: number;
}

export interface SignCesa {
  caeId: string;
  entrepreneurId: string;
  signedOn: IsoDate;
  fixedMonthlyGross?: DecimalString;
}

export interface IssueInvoice {
  caeId: string;
  entrepreneurId: string;
  issuedOn: IsoDate;
  dueOn?: IsoDate;
  client: Client;
  lines: InvoiceLine[];
  /** Required wording when a line is at 0% VAT; a default is used when absent. */
  vatExemptionMention?: string;
}

export interface RecordPayment {
  caeId: string;
  invoiceNumber: string;
  paidOn: IsoDate;
  amount: DecimalString; // incl. VAT
}

/** Money paid back to the client of an invoice credited beyond what remained unpaid. */
export interface RecordRefund {
  caeId: string;
  invoiceNumber: string;
  refundedOn: IsoDate;
  amount: DecimalString; // incl. VAT
}

export interface IssueCreditNote {
  caeId: string;
  invoiceNumber: string;
  issuedOn: IsoDate;
  reason: string;
  lines?: InvoiceLine[];
}

export interface RecordExpense {
  caeId: string;
  entrepreneurId: string;
  incurredOn: IsoDate;
  category: string;
  amount: DecimalString; // excl. VAT
  vat: DecimalString;
  description: string;
}

export interface PaySalary {
  caeId: string;
  entrepreneurId: string;
  period: YearMonth;
  paidOn: IsoDate;
  gross: DecimalString;
  hours: DecimalString;
  employeeContributions?: DecimalString;
  employerContributions?: DecimalString;
}

export interface AdmitAssociate {
  caeId: string;
  associateId: string;
  admittedOn: IsoDate;
  shares: number;
  category: AssociateCategory;
  entrepreneurId?: string;
  person?: AssociatePerson;
}

export interface RedeemShares {
  caeId: string;
  associateId: string;
  redeemedOn: IsoDate;
  shares: number;
}

export interface RecordMeeting {
  caeId: string;
  entrepreneurId: string;
  heldOn: IsoDate;
  kind: MeetingKind;
  hours: DecimalString;
  /** Free text of the support team: personal data, sealed under the entrepreneur's key. */
  notes?: string;
}

export interface ExitEntrepreneur {
  caeId: string;
  entrepreneurId: string;
  exitedOn: IsoDate;
  reason: ExitReason;
}

export interface RecordSubsidy {
  caeId: string;
  receivedOn: IsoDate;
  funder: string;
  amount: DecimalString;
}

/**
 * Erases a person's personal data by destroying their key. personId: the entrepreneurId, the associateId of a
 * staff or external associate, or for a private client the number of the invoice it was invoiced under.
 */
export interface ForgetPerson {
  caeId: string;
  kind: PersonKind;
  personId: string;
}

export interface CommandDataByType {
  RegisterCae: RegisterCae;
  RecordInformationSession: RecordInformationSession;
  RecordIntakeInterview: RecordIntakeInterview;
  IntegrateEntrepreneur: IntegrateEntrepreneur;
  SignCape: SignCape;
  RenewCape: RenewCape;
  SignCesa: SignCesa;
  IssueInvoice: IssueInvoice;
  RecordPayment: RecordPayment;
  IssueCreditNote: IssueCreditNote;
  RecordRefund: RecordRefund;
  RecordExpense: RecordExpense;
  PaySalary: PaySalary;
  AdmitAssociate: AdmitAssociate;
  RedeemShares: RedeemShares;
  RecordMeeting: RecordMeeting;
  ExitEntrepreneur: ExitEntrepreneur;
  RecordSubsidy: RecordSubsidy;
  ForgetPerson: ForgetPerson;
}

export type CommandType = keyof CommandDataByType;

export const COMMAND_TYPES = [
  'RegisterCae',
  'RecordInformationSession',
  'RecordIntakeInterview',
  'IntegrateEntrepreneur',
  'SignCape',
  'RenewCape',
  'SignCesa',
  'IssueInvoice',
  'RecordPayment',
  'IssueCreditNote',
  'RecordRefund',
  'RecordExpense',
  'PaySalary',
  'AdmitAssociate',
  'RedeemShares',
  'RecordMeeting',
  'ExitEntrepreneur',
  'RecordSubsidy',
  'ForgetPerson',
] as const satisfies readonly CommandType[];

export type Command = { [T in CommandType]: { type: T; data: CommandDataByType[T] } }[CommandType];

/** The envelope of API.md: `{ type, commandId, data }`, plus optional tracing fields. */
export interface CommandEnvelope<C extends Command = Command> {
  commandId: string;
  command: C;
  actor?: string;
  correlationId?: string;
  causationId?: string;
}
