import type {
  AssociateCategory,
  AssociatePerson,
  ClientKind,
  ContributionPolicy,
  DecimalString,
  ExitReason,
  IsoDate,
  LegalForm,
  MeetingKind,
  PayrollRates,
  Person,
  PersonKind,
  SituationAtEntry,
  VatRate,
  YearMonth,
} from './commands';

/**
 * The facts of a CAE. Amounts are decimal strings computed by the deciders (totals, rounding, deadlines are
 * carried in the events, so projections and auditors never recompute a rule).
 * Fields typed `Person`/`AssociatePerson`/`IndividualClient` are personal data: the application seals them
 * (per-person AES-256-GCM) before they reach the log; see personal-data.ts.
 */

export interface CaeRegistered {
  caeId: string;
  name: string;
  legalForm: LegalForm;
  region: string;
  contribution: ContributionPolicy;
  shareNominalValue: DecimalString;
  payroll: PayrollRates;
}

export interface InformationSessionRecorded {
  caeId: string;
  heldOn: IsoDate;
  attendees: number;
}

export interface IntakeInterviewRecorded {
  caeId: string;
  heldOn: IsoDate;
}

export interface SubsidyRecorded {
  caeId: string;
  receivedOn: IsoDate;
  funder: string;
  amount: DecimalString;
}

/** Personal profile of an entrepreneur, sealed in the log. */
export interface EntrepreneurProfile extends Person {
  situationAtEntry: SituationAtEntry;
  parallelActivity: boolean;
}

export interface EntrepreneurIntegrated {
  caeId: string;
  entrepreneurId: string;
  integratedOn: IsoDate;
  /** 1 for a first integration, 2 for a first return… */
  integration: number;
  /** The description is sealed (free text about the person); the sector stays in clear. */
  activity: { description: string; sector: string };
  profile: EntrepreneurProfile;
}

export interface CapeSigned {
  caeId: string;
  entrepreneurId: string;
  signedOn: IsoDate;
  months: number;
  /** Last day of the contract (inclusive). */
  endsOn: IsoDate;
  totalMonths: number;
}

export interface CapeRenewed {
  caeId: string;
  entrepreneurId: string;
  renewedOn: IsoDate;
  months: number;
  /** 1 or 2: a CAPE is renewable twice. */
  renewal: number;
  previousEndsOn: IsoDate;
  endsOn: IsoDate;
  totalMonths: number;
}

export interface CesaSigned {
  caeId: string;
  entrepreneurId: string;
  signedOn: IsoDate;
  fixedMonthlyGross?: DecimalString;
  /** Days spent under CAPE before the CESA (the CAPE in force, if any, ends the day before signedOn). */
  capeDays: number;
  /** signedOn + 3 years − CAPE time (C. trav. L7331-3). */
  associateDeadline: IsoDate;
  /** 8 months − CAPE time; absent when the CAPE time already covers it. */
  trialPeriodEndsOn?: IsoDate;
}

export interface VatBreakdown {
  vatRate: VatRate;
  baseExclVat: DecimalString;
  vat: DecimalString;
}

export interface PricedLine {
  description: string;
  quantity: DecimalString;
  unitPrice: DecimalString;
  vatRate: VatRate;
  totalExclVat: DecimalString;
  vat: DecimalString;
  totalInclVat: DecimalString;
}

export interface DocumentTotals {
  totalExclVat: DecimalString;
  totalVat: DecimalString;
  totalInclVat: DecimalString;
  vatBreakdown: VatBreakdown[];
}

/** Name and postal code of a private client: personal data, sealed in the log. */
export interface IndividualClient {
  name: string;
  postalCode?: string;
}

export interface InvoiceClient {
  kind: ClientKind;
  /** In clear for companies, public bodies and associations. */
  name?: string;
  postalCode?: string;
  /** For individuals only (sealed). */
  individual?: IndividualClient;
}

export interface CapeMention {
  text: string;
  caeName: string;
  capeEndsOn: IsoDate;
}

export interface InvoiceIssued extends DocumentTotals {
  caeId: string;
  entrepreneurId: string;
  number: string;
  issuedOn: IsoDate;
  dueOn: IsoDate;
  client: InvoiceClient;
  lines: PricedLine[];
  contract: 'cape' | 'cesa';
  capeMention?: CapeMention;
  vatExemptionMention?: string;
  sector: string;
}

/** The invoice series (one per CAE and calendar year) keeps the numbering: the chronological register. */
export interface InvoiceNumberAssigned {
  caeId: string;
  number: string;
  sequence: number;
  document: 'invoice' | 'credit_note';
  issuedOn: IsoDate;
  entrepreneurId: string;
  /** For a credit note: the invoice it corrects. */
  invoiceNumber?: string;
}

export interface CreditNoteIssued extends DocumentTotals {
  caeId: string;
  entrepreneurId: string;
  number: string;
  invoiceNumber: string;
  issuedOn: IsoDate;
  reason: string;
  lines: PricedLine[];
  clientKind: ClientKind;
  sector: string;
  /** What this credit note credits beyond what remained unpaid, incl. VAT: owed back to the client (since v2). */
  refundOwed: DecimalString;
}

export interface PaymentRecorded {
  caeId: string;
  entrepreneurId: string;
  invoiceNumber: string;
  paidOn: IsoDate;
  /** Incl. VAT, as received. */
  amount: DecimalString;
  /** The share of the payment that is revenue excl. VAT (pro rata of the invoice, exact once fully paid). */
  amountExclVat: DecimalString;
  vat: DecimalString;
  remainingDue: DecimalString;
  fullyPaid: boolean;
}

/** Money paid back to the client once credit notes exceed what remained unpaid: cash out of the activity. */
export interface RefundRecorded {
  caeId: string;
  entrepreneurId: string;
  invoiceNumber: string;
  refundedOn: IsoDate;
  /** Incl. VAT, as paid back. */
  amount: DecimalString;
  /** The share of the refund that is cash excl. VAT given back (pro rata of the excess, exact once all of it is refunded). */
  amountExclVat: DecimalString;
  vat: DecimalString;
  /** What is still owed to the client after this refund. */
  remainingOwed: DecimalString;
}

export interface ExpenseRecorded {
  caeId: string;
  entrepreneurId: string;
  incurredOn: IsoDate;
  category: string;
  amount: DecimalString;
  vat: DecimalString;
  description: string;
}

export interface SalaryPaid {
  caeId: string;
  entrepreneurId: string;
  period: YearMonth;
  paidOn: IsoDate;
  gross: DecimalString;
  hours: DecimalString;
  employeeContributions: DecimalString;
  employerContributions: DecimalString;
  /** gross + employer contributions: what the activity pays. */
  employerCost: DecimalString;
  /** Where the contribution amounts come from: the payslip, the CAE's configured rates, or one of each. */
  contributionsSource: 'payslip' | 'rates' | 'payslip_and_rates';
  /** Available treasury just before this salary. */
  treasuryBefore: DecimalString;
}

export interface MeetingRecorded {
  caeId: string;
  entrepreneurId: string;
  heldOn: IsoDate;
  kind: MeetingKind;
  hours: DecimalString;
  /** Sealed: free text about the person. */
  notes?: string;
}

export interface EntrepreneurExited {
  caeId: string;
  entrepreneurId: string;
  exitedOn: IsoDate;
  reason: ExitReason;
  positive: boolean;
  /** Every contract in force ends with the exit. */
  endedContracts: ('cape' | 'cesa')[];
}

export interface AssociateAdmitted {
  caeId: string;
  associateId: string;
  admittedOn: IsoDate;
  category: AssociateCategory;
  shares: number;
  nominalValue: DecimalString;
  amount: DecimalString;
  entrepreneurId?: string;
  person?: AssociatePerson;
}

export interface SharesRedeemed {
  caeId: string;
  associateId: string;
  redeemedOn: IsoDate;
  shares: number;
  nominalValue: DecimalString;
  /** Repaid at nominal value. */
  amount: DecimalString;
  remainingShares: number;
  leftAssociation: boolean;
}

export interface PersonForgotten {
  caeId: string;
  kind: PersonKind;
  /** The id within its kind (an invoice number for a private client). */
  personId: string;
  forgottenOn: IsoDate;
}

export interface EventDataByType {
  CaeRegistered: CaeRegistered;
  InformationSessionRecorded: InformationSessionRecorded;
  IntakeInterviewRecorded: IntakeInterviewRecorded;
  SubsidyRecorded: SubsidyRecorded;
  EntrepreneurIntegrated: EntrepreneurIntegrated;
  CapeSigned: CapeSigned;
  CapeRenewed: CapeRenewed;
  CesaSigned: CesaSigned;
  InvoiceIssued: InvoiceIssued;
  InvoiceNumberAssigned: InvoiceNumberAssigned;
  CreditNoteIssued: CreditNoteIssued;
  PaymentRecorded: PaymentRecorded;
  RefundRecorded: RefundRecorded;
  ExpenseRecorded: ExpenseRecorded;
  SalaryPaid: SalaryPaid;
  MeetingRecorded: MeetingRecorded;
  EntrepreneurExited: EntrepreneurExited;
  AssociateAdmitted: AssociateAdmitted;
  SharesRedeemed: SharesRedeemed;
  PersonForgotten: PersonForgotten;
}

export type EventType = keyof EventDataByType;

export type DomainEvent = { [T in EventType]: { type: T; data: EventDataByType[T] } }[EventType];

export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

/** Current schema version of every event type; upcasters (upcasters.ts) bring older shapes up to it. */
export const SCHEMA_VERSION: Record<EventType, number> = {
  CaeRegistered: 1,
  InformationSessionRecorded: 1,
  IntakeInterviewRecorded: 1,
  SubsidyRecorded: 1,
  EntrepreneurIntegrated: 1,
  CapeSigned: 1,
  CapeRenewed: 1,
  CesaSigned: 1,
  InvoiceIssued: 1,
  InvoiceNumberAssigned: 1,
  CreditNoteIssued: 2,
  PaymentRecorded: 1,
  RefundRecorded: 1,
  ExpenseRecorded: 1,
  SalaryPaid: 1,
  MeetingRecorded: 1,
  EntrepreneurExited: 1,
  AssociateAdmitted: 1,
  SharesRedeemed: 1,
  PersonForgotten: 1,
};

/** The business date of each event: what statistics count by (none for a CAE's registration). */
export const occurredOn = (event: DomainEvent): IsoDate | undefined => {
  switch (event.type) {
    case 'CaeRegistered':
      return undefined;
    case 'InformationSessionRecorded':
    case 'IntakeInterviewRecorded':
    case 'MeetingRecorded':
      return event.data.heldOn;
    case 'SubsidyRecorded':
      return event.data.receivedOn;
    case 'EntrepreneurIntegrated':
      return event.data.integratedOn;
    case 'CapeSigned':
    case 'CesaSigned':
      return event.data.signedOn;
    case 'CapeRenewed':
      return event.data.renewedOn;
    case 'InvoiceIssued':
    case 'InvoiceNumberAssigned':
    case 'CreditNoteIssued':
      return event.data.issuedOn;
    case 'PaymentRecorded':
    case 'SalaryPaid':
      return event.data.paidOn;
    case 'RefundRecorded':
      return event.data.refundedOn;
    case 'ExpenseRecorded':
      return event.data.incurredOn;
    case 'EntrepreneurExited':
      return event.data.exitedOn;
    case 'AssociateAdmitted':
      return event.data.admittedOn;
    case 'SharesRedeemed':
      return event.data.redeemedOn;
    case 'PersonForgotten':
      return event.data.forgottenOn;
  }
};
