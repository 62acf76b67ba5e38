import { CAPE_MAX_RENEWALS, CAPE_MAX_TOTAL_MONTHS, Decimal, daysBetween, formatDecimal, yearOf, type IsoDate } from '../../libs/domain';
import type { ReadModels } from '../projection';
import { contractsOn, isAssociateOn, isPresent, memberOn } from './contracts';
import type { AssociateDoc, EntrepreneurDoc, Membership } from './documents';
import { caeOf, listOf, movementsInOrder } from './read';

/** How far ahead a CAPE end or an associate deadline is announced. */
const NOTICE_DAYS = 90;
/** SCOP: employee-associates hold at least 51% of the capital and 65% of the votes; no one more than half. */
const EMPLOYEE_CAPITAL_MINIMUM = new Decimal('0.51');
const EMPLOYEE_VOTES_MINIMUM = new Decimal('0.65');
const HOLDING_MAXIMUM = new Decimal('0.5');

/** Each check's `ok` is false as soon as something in it needs acting on. */
export interface Compliance {
  caeId: string;
  /** The day checked: the one asked for, else the latest business date seen (null before any). */
  today: IsoDate | null;
  capes: { ok: boolean; items: { entrepreneurId: string; endsOn: IsoDate; daysLeft: number; renewals: number; totalMonths: number; atLimit: boolean }[] };
  associateDeadlines: { ok: boolean; items: { entrepreneurId: string; cesaSignedOn: IsoDate; associateDeadline: IsoDate; daysLeft: number; missed: boolean }[] };
  meetings: { year: number | null; ok: boolean; items: { entrepreneurId: string; individualMeetings: number }[] };
  /** Null when the CAE is not a SCOP (a SCIC has other rules). */
  scop: {
    capital: { totalShares: number; employeeShares: number; employeeShare: string; minimum: string; ok: boolean };
    votes: { associates: number; employeeAssociates: number; employeeShare: string; minimum: string; ok: boolean };
    majorityHolders: { ok: boolean; items: { associateId: string; shares: number; share: string }[] };
  } | null;
}

type Ratio = InstanceType<typeof Decimal>;

const ratio = (part: number, whole: number): Ratio => (whole === 0 ? new Decimal(0) : new Decimal(part).dividedBy(whole));

const check = <T>(items: T[]) => ({ ok: items.length === 0, items });

/** Entrepreneurs present on the day, with where they stand. */
const presentOn = (entrepreneurs: EntrepreneurDoc[], day: IsoDate) =>
  entrepreneurs.map((e) => ({ entrepreneur: e, contracts: contractsOn(e, day) })).filter(({ contracts }) => isPresent(contracts, day));

const capeAlerts = (present: ReturnType<typeof presentOn>, day: IsoDate): Compliance['capes']['items'] =>
  present.flatMap(({ entrepreneur, contracts: { cape, cesa } }) => {
    if (!cape || cesa) return [];
    const daysLeft = daysBetween(day, cape.endsOn);
    const atLimit = cape.renewals >= CAPE_MAX_RENEWALS || cape.totalMonths >= CAPE_MAX_TOTAL_MONTHS;
    // A negative daysLeft is a CAPE that ended while its entrepreneur is still present without a CESA.
    return daysLeft <= NOTICE_DAYS || atLimit
      ? [{ entrepreneurId: entrepreneur.entrepreneurId, endsOn: cape.endsOn, daysLeft, renewals: cape.renewals, totalMonths: cape.totalMonths, atLimit }]
      : [];
  });

const deadlineAlerts = (present: ReturnType<typeof presentOn>, associates: AssociateDoc[], day: IsoDate): Compliance['associateDeadlines']['items'] =>
  present.flatMap(({ entrepreneur, contracts: { cesa } }) => {
    if (!cesa || isAssociateOn(associates, entrepreneur.entrepreneurId, day)) return [];
    const daysLeft = daysBetween(day, cesa.associateDeadline);
    return daysLeft <= NOTICE_DAYS
      ? [{ entrepreneurId: entrepreneur.entrepreneurId, cesaSignedOn: cesa.signedOn, associateDeadline: cesa.associateDeadline, daysLeft, missed: daysLeft < 0 }]
      : [];
  });

const scopThresholds = async (
  models: ReadModels,
  caeId: string,
  entrepreneurs: EntrepreneurDoc[],
  associates: AssociateDoc[],
  day: IsoDate | null,
): Promise<NonNullable<Compliance['scop']>> => {
  const sharesOn = new Map<string, number>();
  for (const m of await movementsInOrder(models, caeId))
    if (day !== null && m.on <= day) sharesOn.set(m.associateId, (sharesOn.get(m.associateId) ?? 0) + (m.kind === 'subscription' ? m.shares : -m.shares));
  const holders = associates.flatMap((a) => {
    const membership = day === null ? undefined : a.memberships.find((m) => memberOn(m, day));
    return membership ? [{ associateId: a.associateId, membership, shares: sharesOn.get(a.associateId) ?? 0 }] : [];
  });
  const byId = new Map(entrepreneurs.map((e) => [e.entrepreneurId, e]));
  // Staff are employees; an entrepreneur-associate is one while present under a CESA.
  const isEmployee = ({ category, entrepreneurId }: Membership): boolean => {
    if (category === 'staff') return true;
    const entrepreneur = entrepreneurId === null ? undefined : byId.get(entrepreneurId);
    if (!entrepreneur || day === null) return false;
    const contracts = contractsOn(entrepreneur, day);
    return isPresent(contracts, day) && contracts.cesa !== null;
  };
  const employees = holders.filter((h) => isEmployee(h.membership));
  const totalShares = holders.reduce((n, h) => n + h.shares, 0);
  const employeeShares = employees.reduce((n, h) => n + h.shares, 0);
  const capitalShare = ratio(employeeShares, totalShares);
  const votesShare = ratio(employees.length, holders.length);
  const majority = holders
    .filter((h) => ratio(h.shares, totalShares).greaterThan(HOLDING_MAXIMUM))
    .map((h) => ({ associateId: h.associateId, shares: h.shares, share: formatDecimal(ratio(h.shares, totalShares), 4) }));
  return {
    capital: {
      totalShares,
      employeeShares,
      employeeShare: formatDecimal(capitalShare, 4),
      minimum: EMPLOYEE_CAPITAL_MINIMUM.toFixed(2),
      ok: capitalShare.greaterThanOrEqualTo(EMPLOYEE_CAPITAL_MINIMUM),
    },
    votes: {
      associates: holders.length,
      employeeAssociates: employees.length,
      employeeShare: formatDecimal(votesShare, 4),
      minimum: EMPLOYEE_VOTES_MINIMUM.toFixed(2),
      ok: votesShare.greaterThanOrEqualTo(EMPLOYEE_VOTES_MINIMUM),
    },
    majorityHolders: check(majority),
  };
};

/** GET /api/caes/{caeId}/compliance[?today=] — `today` defaults to the latest business date seen, never the clock, so answers depend on the log only. */
export const compliance = async (models: ReadModels, caeId: string, today?: IsoDate): Promise<Compliance | undefined> => {
  const cae = await caeOf(models, caeId);
  if (!cae) return undefined;
  const day = today ?? cae.lastBusinessDate;
  const entrepreneurs = await listOf<EntrepreneurDoc>(models, 'entrepreneurs', caeId);
  const associates = await listOf<AssociateDoc>(models, 'associates', caeId);
  const present = day === null ? [] : presentOn(entrepreneurs, day);
  const year = day === null ? null : yearOf(day);
  return {
    caeId,
    today: day,
    capes: check(day === null ? [] : capeAlerts(present, day)),
    associateDeadlines: check(day === null ? [] : deadlineAlerts(present, associates, day)),
    meetings: {
      year,
      ...check(
        present
          .map(({ entrepreneur }) => ({ entrepreneurId: entrepreneur.entrepreneurId, individualMeetings: entrepreneur.individualMeetings[String(year)] ?? 0 }))
          .filter((e) => e.individualMeetings < 2),
      ),
    },
    scop: cae.legalForm === 'SCIC' ? null : await scopThresholds(models, caeId, entrepreneurs, associates, day),
  };
};
