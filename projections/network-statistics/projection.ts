import { addDays, subtractMoney, yearOf, type EventType } from '../../libs/domain';
import { collectionOf, defineProjection, type Handler, type ProjectedEventOf } from '../projection';
import { add, addRevenue, emptyYear, profileOf, withCurrentStay } from './changes';
import {
  associateDocId,
  caeDocId,
  caeYearDocId,
  entrepreneurDocId,
  PROJECTION,
  type AssociateDoc,
  type CaeDoc,
  type CaeYearDoc,
  type EntrepreneurDoc,
  type Stay,
} from './documents';

type StatisticsDocs = { caes: CaeDoc; entrepreneurs: EntrepreneurDoc; associates: AssociateDoc; 'cae-years': CaeYearDoc };

const entrepreneurRef = (caeId: string, entrepreneurId: string) => ({ collection: 'entrepreneurs', id: entrepreneurDocId(caeId, entrepreneurId) }) as const;
const associateRef = (caeId: string, associateId: string) => ({ collection: 'associates', id: associateDocId(caeId, associateId) }) as const;
const yearRef = (caeId: string, year: number) => ({ collection: 'cae-years', id: caeYearDocId(caeId, year) }) as const;

/** A flow of the calendar year `yearOfEvent` tells (the document opens with the year's first flow). */
const flow = <K extends EventType>(yearOfEvent: (event: ProjectedEventOf<K>) => number, change: (year: CaeYearDoc, event: ProjectedEventOf<K>) => CaeYearDoc): Handler<StatisticsDocs, K> => ({
  documents: (e) => [yearRef(e.caeId, yearOfEvent(e))],
  apply: (e, docs) => {
    const ref = yearRef(e.caeId, yearOfEvent(e));
    return [{ ...ref, doc: change(docs.get(ref.collection, ref.id) ?? emptyYear(e.caeId, yearOfEvent(e)), e) }];
  },
});

type StayEventType = 'CapeSigned' | 'CapeRenewed' | 'CesaSigned' | 'EntrepreneurExited';

/** A step of the entrepreneur's current stay. */
const stay = <K extends StayEventType>(change: (stay: Stay, event: ProjectedEventOf<K>) => Stay): Handler<StatisticsDocs, K> => ({
  documents: (e) => [entrepreneurRef(e.data.caeId, e.data.entrepreneurId)],
  apply: (e, docs) => {
    const ref = entrepreneurRef(e.data.caeId, e.data.entrepreneurId);
    const current = docs.get(ref.collection, ref.id);
    return current ? [{ ...ref, doc: withCurrentStay(current, (s) => change(s, e)) }] : [];
  },
});

/**
 * Network statistics (docs/api.md#statistics): per CAE, the stays of its entrepreneurs, its associates' share
 * movements and the flows of each calendar year, each counted by its business date.
 */
export const networkStatistics = defineProjection({
  name: PROJECTION,
  version: 3,
  collections: { caes: collectionOf<CaeDoc>(), entrepreneurs: collectionOf<EntrepreneurDoc>(), associates: collectionOf<AssociateDoc>(), 'cae-years': collectionOf<CaeYearDoc>() },
  on: {
    CaeRegistered: {
      documents: (e) => [{ collection: 'caes', id: caeDocId(e.data.caeId) }],
      apply: ({ data: d }) => [
        { collection: 'caes', id: caeDocId(d.caeId), doc: { caeId: d.caeId, name: d.name, region: d.region, contribution: { rate: d.contribution.rate, base: d.contribution.base }, shareNominalValue: d.shareNominalValue } },
      ],
    },
    InformationSessionRecorded: flow(
      (e) => yearOf(e.data.heldOn),
      (y, e) => ({ ...y, informationSessionAttendees: y.informationSessionAttendees + e.data.attendees }),
    ),
    IntakeInterviewRecorded: flow(
      (e) => yearOf(e.data.heldOn),
      (y) => ({ ...y, intakeInterviews: y.intakeInterviews + 1 }),
    ),
    SubsidyRecorded: flow(
      (e) => yearOf(e.data.receivedOn),
      (y, e) => ({ ...y, subsidies: add(y.subsidies, e.data.amount) }),
    ),
    InvoiceIssued: flow(
      (e) => yearOf(e.data.issuedOn),
      (y, { data: d }) => addRevenue(y, d.client.kind, d.sector, d.totalExclVat, d.totalVat),
    ),
    CreditNoteIssued: flow(
      (e) => yearOf(e.data.issuedOn),
      (y, { data: d }) => addRevenue(y, d.clientKind, d.sector, subtractMoney('0.00', d.totalExclVat), subtractMoney('0.00', d.totalVat)),
    ),
    // Salaries count in the year of their period, as payroll declarations do.
    SalaryPaid: flow(
      (e) => yearOf(e.data.period),
      (y, { data: d }) => ({
        ...y,
        grossMass: add(y.grossMass, d.gross),
        employeeContributions: add(y.employeeContributions, d.employeeContributions),
        employerContributions: add(y.employerContributions, d.employerContributions),
        hoursPaid: add(y.hoursPaid, d.hours),
        salaries: y.salaries + 1,
      }),
    ),
    MeetingRecorded: {
      documents: ({ data: d }) => [yearRef(d.caeId, yearOf(d.heldOn)), ...(d.kind === 'individual' ? [entrepreneurRef(d.caeId, d.entrepreneurId)] : [])],
      apply: (e, docs) => {
        const d = e.data;
        const flows = flow<'MeetingRecorded'>(
          () => yearOf(d.heldOn),
          (y) => (d.kind === 'workshop' ? { ...y, workshopHours: add(y.workshopHours, d.hours) } : { ...y, meetings: y.meetings + 1 }),
        ).apply(e, docs);
        const ref = entrepreneurRef(d.caeId, d.entrepreneurId);
        const current = d.kind === 'individual' ? docs.get(ref.collection, ref.id) : undefined;
        if (!current) return flows;
        const heldIn = String(yearOf(d.heldOn));
        return [...flows, { ...ref, doc: { ...current, individualMeetingsByYear: { ...current.individualMeetingsByYear, [heldIn]: (current.individualMeetingsByYear[heldIn] ?? 0) + 1 } } }];
      },
    },
    EntrepreneurIntegrated: {
      documents: (e) => [entrepreneurRef(e.data.caeId, e.data.entrepreneurId)],
      apply: ({ data: d }, docs) => {
        const ref = entrepreneurRef(d.caeId, d.entrepreneurId);
        const current = docs.get(ref.collection, ref.id);
        const opened: Stay = { integratedOn: d.integratedOn, exitedOn: null, exitReason: null, capeSignedOn: null, capeEndsOn: null, cesaSignedOn: null };
        return [
          {
            ...ref,
            doc: { caeId: d.caeId, entrepreneurId: d.entrepreneurId, stays: [...(current?.stays ?? []), opened], profile: profileOf(d.profile), individualMeetingsByYear: current?.individualMeetingsByYear ?? {} },
          },
        ];
      },
    },
    CapeSigned: stay((s, { data: d }) => ({ ...s, capeSignedOn: d.signedOn, capeEndsOn: d.endsOn })),
    CapeRenewed: stay((s, { data: d }) => ({ ...s, capeEndsOn: d.endsOn })),
    // A CESA ends the CAPE in force: its last day is the day before.
    CesaSigned: stay((s, { data: { signedOn } }) => ({ ...s, cesaSignedOn: signedOn, capeEndsOn: s.capeEndsOn !== null && s.capeEndsOn >= signedOn ? addDays(signedOn, -1) : s.capeEndsOn })),
    EntrepreneurExited: stay((s, { data: d }) => ({ ...s, exitedOn: d.exitedOn, exitReason: d.reason })),
    AssociateAdmitted: {
      documents: (e) => [associateRef(e.data.caeId, e.data.associateId)],
      apply: ({ data: d }, docs) => {
        const ref = associateRef(d.caeId, d.associateId);
        const current = docs.get(ref.collection, ref.id);
        const membership = { admittedOn: d.admittedOn, category: d.category, entrepreneurId: d.entrepreneurId ?? null };
        return [
          {
            ...ref,
            doc: { caeId: d.caeId, associateId: d.associateId, memberships: [...(current?.memberships ?? []), membership], movements: [...(current?.movements ?? []), { on: d.admittedOn, shares: d.shares }] },
          },
        ];
      },
    },
    SharesRedeemed: {
      documents: (e) => [associateRef(e.data.caeId, e.data.associateId)],
      apply: ({ data: d }, docs) => {
        const ref = associateRef(d.caeId, d.associateId);
        const current = docs.get(ref.collection, ref.id);
        return current ? [{ ...ref, doc: { ...current, movements: [...current.movements, { on: d.redeemedOn, shares: -d.shares }] } }] : [];
      },
    },
    PersonForgotten: {
      // Only an entrepreneur has a profile here (associates and clients are counted, never described).
      documents: ({ data: d }) => (d.kind === 'entrepreneur' ? [entrepreneurRef(d.caeId, d.personId)] : []),
      apply: ({ data: d }, docs) => {
        const ref = entrepreneurRef(d.caeId, d.personId);
        const current = d.kind === 'entrepreneur' ? docs.get(ref.collection, ref.id) : undefined;
        return current ? [{ ...ref, doc: { ...current, profile: null } }] : [];
      },
    },
  },
});
