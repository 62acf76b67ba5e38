import {
  addDays,
  CLIENT_KINDS,
  formatMoney,
  money,
  yearOf,
  ZERO,
  type ClientKind,
  type EntrepreneurProfile,
  type Money,
} from '../../libs/domain';
import type { Doc, DocReader, DocRef, DocUpdate, Projection, ProjectedEvent } from '../projection';
import {
  associateDocId,
  caeDocId,
  caeYearDocId,
  COLLECTIONS,
  entrepreneurDocId,
  PROJECTION,
  type AssociateDoc,
  type CaeDoc,
  type CaeYearDoc,
  type EntrepreneurDoc,
  type Profile,
  type Stay,
} from './documents';

const caeRef = (caeId: string): DocRef => ({ collection: COLLECTIONS.caes, id: caeDocId(caeId) });
const entrepreneurRef = (caeId: string, entrepreneurId: string): DocRef => ({
  collection: COLLECTIONS.entrepreneurs,
  id: entrepreneurDocId(caeId, entrepreneurId),
});
const associateRef = (caeId: string, associateId: string): DocRef => ({ collection: COLLECTIONS.associates, id: associateDocId(caeId, associateId) });
const yearRef = (caeId: string, year: number): DocRef => ({ collection: COLLECTIONS.caeYears, id: caeYearDocId(caeId, year) });

const emptyYear = (caeId: string, year: number): CaeYearDoc => ({
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

const add = (amount: string, more: Money | string): string => formatMoney(money(amount).plus(more));

/** Revenue excl. VAT (negative for a credit note) and VAT, into the year of the document's issue date. */
const addRevenue = (year: CaeYearDoc, kind: ClientKind, sector: string, exclVat: Money, vat: Money): CaeYearDoc => {
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
const profileOf = (opened: unknown): Profile | null => {
  if (typeof opened !== 'object' || opened === null) return null;
  const p = opened as EntrepreneurProfile;
  return { gender: p.gender, birthYear: p.birthYear, situationAtEntry: p.situationAtEntry, parallelActivity: p.parallelActivity };
};

/** The current stay changed (the document exists from the first integration, so there is one). */
const withCurrentStay = (doc: EntrepreneurDoc, change: (stay: Stay) => Stay): EntrepreneurDoc => ({
  ...doc,
  stays: [...doc.stays.slice(0, -1), change(doc.stays.at(-1)!)],
});

const put = (ref: DocRef, doc: Doc): DocUpdate => ({ ...ref, doc });

/**
 * Network statistics (DOMAIN.md, API.md): per CAE, the stays of its entrepreneurs, its associates' share
 * movements and the flows of each calendar year, each counted by its business date.
 */
export const networkStatistics: Projection = {
  name: PROJECTION,
  version: 2,
  collections: Object.values(COLLECTIONS),

  documentsFor(event: ProjectedEvent): DocRef[] {
    const { caeId } = event.data;
    switch (event.type) {
      case 'CaeRegistered':
        return [caeRef(caeId)];
      case 'InformationSessionRecorded':
      case 'IntakeInterviewRecorded':
        return [yearRef(caeId, yearOf(event.data.heldOn))];
      case 'SubsidyRecorded':
        return [yearRef(caeId, yearOf(event.data.receivedOn))];
      case 'InvoiceIssued':
      case 'CreditNoteIssued':
        return [yearRef(caeId, yearOf(event.data.issuedOn))];
      case 'SalaryPaid':
        return [yearRef(caeId, yearOf(event.data.period))];
      case 'EntrepreneurIntegrated':
      case 'CapeSigned':
      case 'CapeRenewed':
      case 'CesaSigned':
      case 'EntrepreneurExited':
        return [entrepreneurRef(caeId, event.data.entrepreneurId)];
      case 'MeetingRecorded':
        return [
          yearRef(caeId, yearOf(event.data.heldOn)),
          ...(event.data.kind === 'individual' ? [entrepreneurRef(caeId, event.data.entrepreneurId)] : []),
        ];
      case 'AssociateAdmitted':
      case 'SharesRedeemed':
        return [associateRef(caeId, event.data.associateId)];
      case 'PersonForgotten':
        // Only an entrepreneur has a profile here (associates and clients are counted, never described).
        return event.data.kind === 'entrepreneur' ? [entrepreneurRef(caeId, event.data.personId)] : [];
      default:
        return [];
    }
  },

  apply(event: ProjectedEvent, docs: DocReader): DocUpdate[] {
    const { caeId } = event.data;
    const year = (calendarYear: number, change: (doc: CaeYearDoc) => CaeYearDoc): DocUpdate[] => {
      const ref = yearRef(caeId, calendarYear);
      const current = (docs.get(ref.collection, ref.id) as CaeYearDoc | undefined) ?? emptyYear(caeId, calendarYear);
      return [put(ref, change(current))];
    };
    const entrepreneur = (entrepreneurId: string, change: (doc: EntrepreneurDoc) => EntrepreneurDoc): DocUpdate[] => {
      const ref = entrepreneurRef(caeId, entrepreneurId);
      const current = docs.get(ref.collection, ref.id) as EntrepreneurDoc | undefined;
      return current ? [put(ref, change(current))] : [];
    };

    switch (event.type) {
      case 'CaeRegistered': {
        const doc: CaeDoc = {
          caeId,
          name: event.data.name,
          contribution: { rate: event.data.contribution.rate, base: event.data.contribution.base },
          shareNominalValue: event.data.shareNominalValue,
        };
        return [put(caeRef(caeId), doc)];
      }
      case 'InformationSessionRecorded':
        return year(yearOf(event.data.heldOn), (y) => ({
          ...y,
          informationSessionAttendees: y.informationSessionAttendees + event.data.attendees,
        }));
      case 'IntakeInterviewRecorded':
        return year(yearOf(event.data.heldOn), (y) => ({ ...y, intakeInterviews: y.intakeInterviews + 1 }));
      case 'SubsidyRecorded':
        return year(yearOf(event.data.receivedOn), (y) => ({ ...y, subsidies: add(y.subsidies, event.data.amount) }));
      case 'InvoiceIssued': {
        const d = event.data;
        return year(yearOf(d.issuedOn), (y) => addRevenue(y, d.client.kind, d.sector, money(d.totalExclVat), money(d.totalVat)));
      }
      case 'CreditNoteIssued': {
        const d = event.data;
        return year(yearOf(d.issuedOn), (y) =>
          addRevenue(y, d.clientKind, d.sector, ZERO.minus(d.totalExclVat), ZERO.minus(d.totalVat)),
        );
      }
      case 'SalaryPaid': {
        const d = event.data;
        return year(yearOf(d.period), (y) => ({
          ...y,
          grossMass: add(y.grossMass, d.gross),
          employeeContributions: add(y.employeeContributions, d.employeeContributions),
          employerContributions: add(y.employerContributions, d.employerContributions),
          hoursPaid: add(y.hoursPaid, d.hours),
          salaries: y.salaries + 1,
        }));
      }
      case 'MeetingRecorded': {
        const d = event.data;
        const heldIn = String(yearOf(d.heldOn));
        const flows = year(yearOf(d.heldOn), (y) =>
          d.kind === 'workshop' ? { ...y, workshopHours: add(y.workshopHours, d.hours) } : { ...y, meetings: y.meetings + 1 },
        );
        if (d.kind !== 'individual') return flows;
        return [
          ...flows,
          ...entrepreneur(d.entrepreneurId, (e) => ({
            ...e,
            individualMeetingsByYear: { ...e.individualMeetingsByYear, [heldIn]: (e.individualMeetingsByYear[heldIn] ?? 0) + 1 },
          })),
        ];
      }
      case 'EntrepreneurIntegrated': {
        const d = event.data;
        const ref = entrepreneurRef(caeId, d.entrepreneurId);
        const current = docs.get(ref.collection, ref.id) as EntrepreneurDoc | undefined;
        const stay: Stay = { integratedOn: d.integratedOn, exitedOn: null, exitReason: null, capeSignedOn: null, capeEndsOn: null, cesaSignedOn: null };
        const doc: EntrepreneurDoc = {
          caeId,
          entrepreneurId: d.entrepreneurId,
          stays: [...(current?.stays ?? []), stay],
          profile: profileOf(d.profile),
          individualMeetingsByYear: current?.individualMeetingsByYear ?? {},
        };
        return [put(ref, doc)];
      }
      case 'CapeSigned':
        return entrepreneur(event.data.entrepreneurId, (e) =>
          withCurrentStay(e, (s) => ({ ...s, capeSignedOn: event.data.signedOn, capeEndsOn: event.data.endsOn })),
        );
      case 'CapeRenewed':
        return entrepreneur(event.data.entrepreneurId, (e) => withCurrentStay(e, (s) => ({ ...s, capeEndsOn: event.data.endsOn })));
      case 'CesaSigned': {
        const signedOn = event.data.signedOn;
        // A CESA ends the CAPE in force: its last day is the day before.
        return entrepreneur(event.data.entrepreneurId, (e) =>
          withCurrentStay(e, (s) => ({
            ...s,
            cesaSignedOn: signedOn,
            capeEndsOn: s.capeEndsOn !== null && s.capeEndsOn >= signedOn ? addDays(signedOn, -1) : s.capeEndsOn,
          })),
        );
      }
      case 'EntrepreneurExited':
        return entrepreneur(event.data.entrepreneurId, (e) =>
          withCurrentStay(e, (s) => ({ ...s, exitedOn: event.data.exitedOn, exitReason: event.data.reason })),
        );
      case 'AssociateAdmitted': {
        const d = event.data;
        const ref = associateRef(caeId, d.associateId);
        const current = docs.get(ref.collection, ref.id) as AssociateDoc | undefined;
        const doc: AssociateDoc = {
          caeId,
          associateId: d.associateId,
          memberships: [...(current?.memberships ?? []), { admittedOn: d.admittedOn, category: d.category, entrepreneurId: d.entrepreneurId ?? null }],
          movements: [...(current?.movements ?? []), { on: d.admittedOn, shares: d.shares }],
        };
        return [put(ref, doc)];
      }
      case 'SharesRedeemed': {
        const d = event.data;
        const ref = associateRef(caeId, d.associateId);
        const current = docs.get(ref.collection, ref.id) as AssociateDoc | undefined;
        return current ? [put(ref, { ...current, movements: [...current.movements, { on: d.redeemedOn, shares: -d.shares }] })] : [];
      }
      case 'PersonForgotten':
        return event.data.kind === 'entrepreneur' ? entrepreneur(event.data.personId, (e) => ({ ...e, profile: null })) : [];
      default:
        return [];
    }
  },
};
