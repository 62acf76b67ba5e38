import type { AssociateCategory, ClientKind, ExitReason, Gender, IsoDate, SituationAtEntry } from '../../libs/domain';

/**
 * The read model of network statistics: facts kept with their business dates, so a query computes any year's
 * indicators whatever order the events arrived in (imported history is appended after later facts of others).
 * Every document carries `caeId` (queries list a CAE's documents by it); free-text keys (sectors) sit in
 * arrays, never as field names, so every read store accepts them.
 */

export const PROJECTION = 'network-statistics';

export const COLLECTIONS = {
  caes: 'caes',
  entrepreneurs: 'entrepreneurs',
  associates: 'associates',
  /** One document per CAE and calendar year: the flows of the year (money, funnel, support). */
  caeYears: 'cae-years',
} as const;

/** A registered CAE and the policies its indicators depend on. */
export type CaeDoc = {
  caeId: string;
  name: string;
  region: string;
  contribution: { rate: string; base: string };
  shareNominalValue: string;
};

/** One stay in the CAE: an integration, its contracts, its exit. A return opens a new stay. */
export type Stay = {
  integratedOn: IsoDate;
  exitedOn: IsoDate | null;
  exitReason: ExitReason | null;
  capeSignedOn: IsoDate | null;
  /** Last day of the CAPE: after renewals, cut to the day before a CESA. */
  capeEndsOn: IsoDate | null;
  cesaSignedOn: IsoDate | null;
};

/** The part of an entrepreneur's personal data that statistics need, nothing more (no names, no address). */
export type Profile = {
  gender: Gender;
  birthYear: number;
  situationAtEntry: SituationAtEntry;
  parallelActivity: boolean;
};

export type EntrepreneurDoc = {
  caeId: string;
  entrepreneurId: string;
  stays: Stay[];
  /** Null once the person is forgotten: their profile is personal data and is erased with their key. */
  profile: Profile | null;
  /** Individual meetings (the yearly interviews of décret 2015-1363) by calendar year. */
  individualMeetingsByYear: { [year: string]: number };
};

/** A membership, from its admission; the shares held come from the movements. */
export type Membership = {
  admittedOn: IsoDate;
  category: AssociateCategory;
  entrepreneurId: string | null;
};

/**
 * Whether an entrepreneur is an associate on a date is joined from here by `entrepreneurId` at query time: a
 * redemption names only the associate, so it cannot update the entrepreneur's document.
 */
export type AssociateDoc = {
  caeId: string;
  associateId: string;
  memberships: Membership[];
  /** Subscriptions (+) and redemptions (−), in shares, with their dates. */
  movements: { on: IsoDate; shares: number }[];
};

export type MoneyByClientKind = { [K in ClientKind]: string };

export type CaeYearDoc = {
  caeId: string;
  year: number;
  /** Revenue excl. VAT of invoices issued in the year, net of credit notes issued in the year. */
  revenueByClientKind: MoneyByClientKind;
  revenueBySector: { sector: string; amount: string }[];
  vatCollected: string;
  subsidies: string;
  /** Salaries counted in the year of their period (the month worked), as payroll declarations do. */
  grossMass: string;
  employeeContributions: string;
  employerContributions: string;
  hoursPaid: string;
  salaries: number;
  informationSessionAttendees: number;
  intakeInterviews: number;
  /** Individual and collective meetings; workshops count in hours, below. */
  meetings: number;
  workshopHours: string;
};

export const caeDocId = (caeId: string): string => caeId;
export const entrepreneurDocId = (caeId: string, entrepreneurId: string): string => `${caeId}/${entrepreneurId}`;
export const associateDocId = (caeId: string, associateId: string): string => `${caeId}/${associateId}`;
export const caeYearDocId = (caeId: string, year: number): string => `${caeId}/${year}`;
