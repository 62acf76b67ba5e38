import { addMoney, CLIENT_KINDS, formatMoney, money, type ClientKind, type EntrepreneurProfile, type Money } from '../../libs/domain';
import type { CaeYearDoc, EntrepreneurDoc, Profile, Stay } from './documents';

/** How the statistics documents change: a year's flows, an entrepreneur's stays and profile. */

export const emptyYear = (caeId: string, year: number): CaeYearDoc => ({
  caeId,
  year,
  revenueByClientKind: Object.fromEntries(CLIENT_KINDS.map((kind) => [kind, '0.00'])) as CaeYearDoc['revenueByClientKind'],
  revenueBySector: [],
  vatCollected: '0.00',
  subsidies: '0.00',
  grossMass: '0.00',
  employeeContributions: '0.00',
  employerContributions: '0.00',
  hoursPaid: '0.00',
  salaries: 0,
  informationSessionAttendees: 0,
  intakeInterviews: 0,
  meetings: 0,
  workshopHours: '0.00',
});

export const add = (amount: string, more: Money | string): string => (typeof more === 'string' ? addMoney(amount, more) : formatMoney(money(amount).plus(more)));

/** Revenue excl. VAT (negative for a credit note) and VAT, into the year of the document's issue date. */
export const addRevenue = (year: CaeYearDoc, kind: ClientKind, sector: string, exclVat: string, vat: string): CaeYearDoc => {
  const known = year.revenueBySector.some((s) => s.sector === sector);
  const bySector = known ? year.revenueBySector : [...year.revenueBySector, { sector, amount: '0.00' }];
  return {
    ...year,
    revenueByClientKind: { ...year.revenueByClientKind, [kind]: add(year.revenueByClientKind[kind], exclVat) },
    revenueBySector: bySector.map((s) => (s.sector === sector ? { sector, amount: add(s.amount, exclVat) } : s)),
    vatCollected: add(year.vatCollected, vat),
  };
};

/** A profile opened from the log, or `[forgotten]` (any non-object) when the person's key was destroyed. */
export const profileOf = (opened: EntrepreneurProfile): Profile | null => {
  if (typeof opened !== 'object' || opened === null) return null;
  return { gender: opened.gender, birthYear: opened.birthYear, situationAtEntry: opened.situationAtEntry, parallelActivity: opened.parallelActivity };
};

/** The current stay changed (the document exists from the first integration, so there is one). */
export const withCurrentStay = (doc: EntrepreneurDoc, change: (stay: Stay) => Stay): EntrepreneurDoc => ({
  ...doc,
  stays: [...doc.stays.slice(0, -1), change(doc.stays.at(-1)!)],
});
