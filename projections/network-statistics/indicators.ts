import {
  ASSOCIATE_CATEGORIES,
  CLIENT_KINDS,
  contributionOnRevenue,
  Decimal,
  EXIT_REASONS,
  formatDecimal,
  formatMoney,
  lastDayOfMonth,
  money,
  POSITIVE_EXIT_REASONS,
  SITUATIONS_AT_ENTRY,
  sum,
  ZERO,
  type AssociateCategory,
  type ClientKind,
  type ContributionPolicy,
  type ExitReason,
  type IsoDate,
  type Money,
  type SituationAtEntry,
} from '../../libs/domain';
import type { AssociateDoc, CaeDoc, CaeYearDoc, EntrepreneurDoc, Stay } from './documents';

/** The statistics of docs/api.md#statistics for one CAE or the whole network, for one calendar year. */
export interface Statistics {
  scope: string;
  year: number;
  headcount: {
    start: number;
    end: number;
    entries: number;
    exits: number;
    accompanied: number;
    endByStatus: { cape: number; salaried: number; associates: number };
  };
  monthly: { month: string; entries: number; exits: number; headcountEnd: number }[];
  exits: { byReason: Record<ExitReason, number>; positiveExitRate: string };
  associates: { end: Record<AssociateCategory | 'total', number>; newAssociates: number; shareCapital: string };
  funnel: { informationSessionAttendees: number; intakeInterviews: number; integrations: number };
  revenue: {
    total: string;
    byClientKind: Record<ClientKind, string>;
    bySector: Record<string, string>;
    vatCollected: string;
    contributions: string;
    subsidies: string;
    socialAndFiscalReturnPerSubsidyEuro: string;
  };
  payroll: { grossMass: string; employeeContributions: string; employerContributions: string; hoursPaid: string; fte: string; averageMonthlyGross: string };
  people: {
    womenShare: string;
    ageBrackets: Record<AgeBracket, number>;
    situationAtEntry: Record<SituationAtEntry, number>;
    parallelActivityShare: string;
  };
  /** meetings: individual and collective meetings held; workshops count in workshopHours (hours of kind workshop). */
  support: { meetings: number; workshopHours: string; belowTwoMeetings: number };
  network?: { caes: number; byCae: (KeyFigures & { caeId: string; name: string; region: string })[]; byRegion: (KeyFigures & { region: string; caes: number })[] };
}

/** The figures the network compares side by side, CAE by CAE and region by region. */
export interface KeyFigures {
  accompanied: number;
  entries: number;
  exits: number;
  revenue: string;
  grossMass: string;
  associates: number;
  positiveExitRate: string;
}

export const keyFiguresOf = (s: Statistics): KeyFigures => ({
  accompanied: s.headcount.accompanied,
  entries: s.headcount.entries,
  exits: s.headcount.exits,
  revenue: s.revenue.total,
  grossMass: s.payroll.grossMass,
  associates: s.associates.end.total,
  positiveExitRate: s.exits.positiveExitRate,
});

export const AGE_BRACKETS = ['under_26', '26_35', '36_45', '46_55', 'over_55'] as const;
export type AgeBracket = (typeof AGE_BRACKETS)[number];

/** A full-time equivalent: 151.67 hours a month, 12 months (docs/api.md#statistics). */
export const FTE_HOURS = 1820;

/** Everything one CAE's indicators are computed from. */
export interface CaeDocuments {
  cae: CaeDoc;
  entrepreneurs: EntrepreneurDoc[];
  associates: AssociateDoc[];
  /** The CAE's flows of the year; undefined when nothing happened in it. */
  flows: CaeYearDoc | undefined;
}

/** Present on day d: integratedOn ≤ d < exitedOn (docs/api.md#statistics). */
const presentOn = (stay: Stay, d: IsoDate): boolean => stay.integratedOn <= d && (stay.exitedOn === null || d < stay.exitedOn);
const inYear = (d: IsoDate | null, year: number): boolean => d !== null && d.startsWith(`${year}-`);

const ageBracket = (age: number): AgeBracket => (age < 26 ? 'under_26' : age <= 35 ? '26_35' : age <= 45 ? '36_45' : age <= 55 ? '46_55' : 'over_55');

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** A share or rate with 4 decimals; "0.0000" when there is nothing to divide by. */
const share = (part: number, whole: number): string => (whole === 0 ? '0.0000' : formatDecimal(new Decimal(part).dividedBy(whole), 4));

/** Shares held on day d, and by whom (the membership in force then). */
const holdingOn = (associate: AssociateDoc, d: IsoDate) => ({
  shares: associate.movements.filter((m) => m.on <= d).reduce((total, m) => total + m.shares, 0),
  membership: associate.memberships.filter((m) => m.admittedOn <= d).at(-1),
});

/** The indicators over the documents of one CAE (a CAE's statistics) or of several (the network's). */
export const statisticsOf = (scope: string, year: number, caes: CaeDocuments[]): Statistics => {
  const yearStart = `${year - 1}-12-31`;
  const yearEnd = `${year}-12-31`;
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

  const stays = caes.flatMap((c) => c.entrepreneurs.flatMap((e) => e.stays.map((stay) => ({ stay, entrepreneur: e }))));
  const flows = caes.flatMap((c) => (c.flows ? [c.flows] : []));
  const entries = stays.filter(({ stay }) => inYear(stay.integratedOn, year));
  const exits = stays.filter(({ stay }) => inYear(stay.exitedOn, year));
  const atStart = stays.filter(({ stay }) => presentOn(stay, yearStart));
  const atEnd = stays.filter(({ stay }) => presentOn(stay, yearEnd));

  // Entrepreneurs who hold shares as entrepreneur associates on 31 Dec, per CAE.
  const associateEntrepreneurs = new Set(
    caes.flatMap((c) =>
      c.associates.flatMap((a) => {
        const { shares, membership } = holdingOn(a, yearEnd);
        return shares > 0 && membership?.entrepreneurId ? [`${c.cae.caeId}/${membership.entrepreneurId}`] : [];
      }),
    ),
  );
  const endByStatus = { cape: 0, salaried: 0, associates: 0 };
  for (const { stay, entrepreneur } of atEnd) {
    if (stay.cesaSignedOn !== null && stay.cesaSignedOn <= yearEnd) {
      if (associateEntrepreneurs.has(`${entrepreneur.caeId}/${entrepreneur.entrepreneurId}`)) endByStatus.associates++;
      else endByStatus.salaried++;
    } else if (stay.capeSignedOn !== null && stay.capeEndsOn !== null && stay.capeSignedOn <= yearEnd && yearEnd <= stay.capeEndsOn) endByStatus.cape++;
  }

  const byReason = zeros(EXIT_REASONS);
  for (const { stay } of exits) byReason[stay.exitReason!]++;
  const positiveExits = POSITIVE_EXIT_REASONS.reduce((total, reason) => total + byReason[reason], 0);

  const associatesEnd = zeros(ASSOCIATE_CATEGORIES);
  let newAssociates = 0;
  let shareCapital: Money = ZERO;
  for (const c of caes)
    for (const a of c.associates) {
      const { shares, membership } = holdingOn(a, yearEnd);
      if (shares > 0 && membership) associatesEnd[membership.category]++;
      shareCapital = shareCapital.plus(money(c.cae.shareNominalValue).times(shares));
      newAssociates += a.memberships.filter((m) => inYear(m.admittedOn, year)).length;
    }

  const byClientKind = Object.fromEntries(CLIENT_KINDS.map((kind) => [kind, sum(flows.map((f) => money(f.revenueByClientKind[kind])))])) as Record<
    ClientKind,
    Money
  >;
  const revenue = sum(Object.values(byClientKind));
  const bySector = new Map<string, Money>();
  for (const f of flows) for (const { sector, amount } of f.revenueBySector) bySector.set(sector, (bySector.get(sector) ?? ZERO).plus(amount));
  const total = (field: 'vatCollected' | 'subsidies' | 'grossMass' | 'employeeContributions' | 'employerContributions' | 'hoursPaid' | 'workshopHours') =>
    sum(flows.map((f) => money(f[field])));
  const count = (field: 'salaries' | 'informationSessionAttendees' | 'intakeInterviews' | 'meetings') => flows.reduce((n, f) => n + f[field], 0);
  // Each CAE's contribution at its own rate, on its own revenue (contributionOnRevenue: the figure networks report).
  const contributions = sum(
    caes.map((c) =>
      contributionOnRevenue(c.cae.contribution as ContributionPolicy, sum(CLIENT_KINDS.map((kind) => money(c.flows?.revenueByClientKind[kind] ?? 0)))),
    ),
  );
  const vatCollected = total('vatCollected');
  const subsidies = total('subsidies');
  const employee = total('employeeContributions');
  const employer = total('employerContributions');
  const grossMass = total('grossMass');
  const hoursPaid = total('hoursPaid');
  const salaries = count('salaries');

  // People indicators count the accompanied (start + entries) as headcounts do: someone who left and came back in
  // the year counts twice. A forgotten person's profile is personal data and is erased: they drop out of these
  // shares and counts (shares are over the known profiles); headcounts, money and meetings keep them.
  const accompanied = [...atStart, ...entries];
  const profiles = accompanied.flatMap(({ entrepreneur }) => (entrepreneur.profile ? [entrepreneur.profile] : []));
  const ageBrackets = zeros(AGE_BRACKETS);
  const situationAtEntry = zeros(SITUATIONS_AT_ENTRY);
  for (const p of profiles) {
    ageBrackets[ageBracket(year - p.birthYear)]++;
    situationAtEntry[p.situationAtEntry]++;
  }

  const fewerThanTwoMeetings = new Set(
    atEnd.filter(({ entrepreneur }) => (entrepreneur.individualMeetingsByYear[String(year)] ?? 0) < 2).map(({ entrepreneur }) => entrepreneur),
  );

  return {
    scope,
    year,
    headcount: { start: atStart.length, end: atEnd.length, entries: entries.length, exits: exits.length, accompanied: accompanied.length, endByStatus },
    monthly: months.map((month) => ({
      month,
      entries: entries.filter(({ stay }) => stay.integratedOn.startsWith(month)).length,
      exits: exits.filter(({ stay }) => stay.exitedOn!.startsWith(month)).length,
      headcountEnd: stays.filter(({ stay }) => presentOn(stay, lastDayOfMonth(month))).length,
    })),
    exits: { byReason, positiveExitRate: share(positiveExits, exits.length) },
    associates: {
      end: { ...associatesEnd, total: ASSOCIATE_CATEGORIES.reduce((n, category) => n + associatesEnd[category], 0) },
      newAssociates,
      shareCapital: formatMoney(shareCapital),
    },
    funnel: { informationSessionAttendees: count('informationSessionAttendees'), intakeInterviews: count('intakeInterviews'), integrations: entries.length },
    revenue: {
      total: formatMoney(revenue),
      byClientKind: Object.fromEntries(CLIENT_KINDS.map((kind) => [kind, formatMoney(byClientKind[kind])])) as Record<ClientKind, string>,
      bySector: Object.fromEntries([...bySector].sort(([a], [b]) => (a < b ? -1 : 1)).map(([sector, amount]) => [sector, formatMoney(amount)])),
      vatCollected: formatMoney(vatCollected),
      contributions: formatMoney(contributions),
      subsidies: formatMoney(subsidies),
      socialAndFiscalReturnPerSubsidyEuro: subsidies.isZero() ? '0.00' : formatDecimal(vatCollected.plus(employee).plus(employer).dividedBy(subsidies), 2),
    },
    payroll: {
      grossMass: formatMoney(grossMass),
      employeeContributions: formatMoney(employee),
      employerContributions: formatMoney(employer),
      hoursPaid: formatDecimal(hoursPaid, 2),
      fte: formatDecimal(hoursPaid.dividedBy(FTE_HOURS), 2),
      averageMonthlyGross: salaries === 0 ? '0.00' : formatMoney(grossMass.dividedBy(salaries)),
    },
    people: {
      womenShare: share(profiles.filter((p) => p.gender === 'F').length, profiles.length),
      ageBrackets,
      situationAtEntry,
      parallelActivityShare: share(profiles.filter((p) => p.parallelActivity).length, profiles.length),
    },
    support: { meetings: count('meetings'), workshopHours: formatDecimal(total('workshopHours'), 2), belowTwoMeetings: fewerThanTwoMeetings.size },
  };
};
