import type { AssociateCategory, ClientKind, ExitReason, IsoDate, LegalForm, MeetingKind, PlatformStatus, PostalAddress } from '../../libs/domain';

export const REGISTERS = 'registers';

/** What the projector reads for a person whose key was destroyed (libs/personal-data). */
export const FORGOTTEN = '[forgotten]';

/** Personal data sits only in documents whose id derives from the personId, so an erasure can name them all. */
export const docId = (caeId: string, key: string): string => `${caeId}:${key}`;

/** Positions padded so that id order is log order. */
export const movementId = (caeId: string, position: number): string => docId(caeId, String(position).padStart(15, '0'));

export type CaeDoc = {
  caeId: string;
  name: string;
  legalForm: LegalForm;
  shareNominalValue: string;
  /** The latest business date of the CAE's events: what "today" means for statuses, overdue invoices and checks. */
  lastBusinessDate: IsoDate | null;
};

export type PersonFields = {
  firstName: string;
  lastName: string;
  gender: string;
  birthYear: number | string;
  postalCode: string | null;
  city: string | null;
};

type Line<E extends string, F> = { on: IsoDate; event: E; position: number } & F;

/** One line of an entrepreneur's status history, in log order; never changed once written. */
export type ContractLine =
  | Line<'integrated' | 'returned', { integration: number; activity: { description: string; sector: string } }>
  | Line<'cape_signed', { months: number; endsOn: IsoDate }>
  | Line<'cape_renewed', { months: number; renewal: number; endsOn: IsoDate; totalMonths: number }>
  | Line<'cesa_signed', { associateDeadline: IsoDate; trialPeriodEndsOn: IsoDate | null }>
  | Line<'exited', { reason: ExitReason; positive: boolean }>;

export type EntrepreneurDoc = {
  caeId: string;
  entrepreneurId: string;
  firstIntegratedOn: IsoDate;
  firstPosition: number;
  person: PersonFields;
  activity: { description: string; sector: string };
  history: ContractLine[];
  /** Individual meetings (décret 2015-1363) by calendar year. */
  individualMeetings: Record<string, number>;
  /** Every meeting and workshop attended, in log order (their notes are sealed and stay in the log). */
  meetings: MeetingLine[];
};

export type MeetingLine = { heldOn: IsoDate; kind: MeetingKind; hours: string };

/** One stay in the association, from admission to leaving (a readmission opens a new one). */
export type Membership = {
  category: AssociateCategory;
  /** For the category entrepreneur: who the associate is. */
  entrepreneurId: string | null;
  admittedOn: IsoDate;
  admittedPosition: number;
  sharesSubscribed: number;
  leftOn: IsoDate | null;
  leftPosition: number | null;
};

export type AssociateDoc = {
  caeId: string;
  associateId: string;
  /** A person or body that is not an entrepreneur of the CAE: personal data. */
  name: string | null;
  shares: number;
  memberships: Membership[];
};

export type MovementDoc = {
  caeId: string;
  on: IsoDate;
  position: number;
  kind: 'subscription' | 'redemption';
  associateId: string;
  category: AssociateCategory;
  shares: number;
  amount: string;
};

export type DocumentTotalsDoc = { totalExclVat: string; totalVat: string; totalInclVat: string };

export type CreditNoteLine = DocumentTotalsDoc & { number: string; issuedOn: IsoDate; reason: string };

export type PaymentLine = { paidOn: IsoDate; amount: string; amountExclVat: string };

export type PlatformStatusLine = { status: PlatformStatus; code: number; on: IsoDate; platform: string; platformReference: string | null; reason: string | null };

export type RefundLine = { refundedOn: IsoDate; amount: string; amountExclVat: string };

export type InvoiceDoc = DocumentTotalsDoc & {
  caeId: string;
  number: string;
  issuedOn: IsoDate;
  dueOn: IsoDate;
  entrepreneurId: string;
  /** A private client's name is personal data (personId: its clientId in the directory, or the invoice's number). */
  client: { kind: ClientKind; name: string; clientId?: string };
  /** The accepted quote it follows. */
  quoteNumber?: string;
  /** Its life on an e-invoicing platform, as reported (absent before any). */
  platformStatuses?: PlatformStatusLine[];
  creditNotes: CreditNoteLine[];
  payments: PaymentLine[];
  refunds: RefundLine[];
};

/** A client of the directory: a private person's name, address and email are personal data (personId: its clientId). */
export type ClientDoc = {
  caeId: string;
  clientId: string;
  registeredOn: IsoDate;
  kind: ClientKind;
  name: string;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  address: PostalAddress | typeof FORGOTTEN | null;
  chorusServiceCode: string | null;
  email: string | null;
};

/** A quote and the client's answer; a private client's name is personal data (personId: the clientId, or the quote's number). */
export type QuoteDoc = DocumentTotalsDoc & {
  caeId: string;
  number: string;
  issuedOn: IsoDate;
  validUntil: IsoDate;
  entrepreneurId: string;
  client: { kind: ClientKind; name: string; clientId?: string };
  status: 'issued' | 'accepted' | 'declined';
  answeredOn: IsoDate | null;
  reason: string | null;
  /** The invoices that followed it. */
  invoices: string[];
};
