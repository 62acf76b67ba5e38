import {
  addDays,
  addMonths,
  Decimal,
  formatMoney,
  money,
  ZERO,
  type ClientKind,
  type ExitReason,
  type Gender,
  type IsoDate,
  type Money,
  type SituationAtEntry,
  type VatRate,
} from '../../domain';
import type { Envelope } from './history';
import { pad } from './generation';

/**
 * Coodyssée, 2016 — the year of its public execution report (docs/rules.md#reference-year), as command envelopes.
 *
 * Published figures, all reproduced: 85 entrepreneurs on 1 Jan, 84 on 31 Dec, 24 integrations, 25 exits, the
 * twelve monthly rows; at year end 12 under a CAPE in force and 72 under a CESA of whom 8 associates; revenue
 * excl. VAT 908,700.00 net of two credit notes; VAT 98,720.00 (483,600.00 at 20%, 20,000.00 at 10%, 405,100.00
 * exempt training and care at 0%); employee + employer contributions 154,337.00; subsidies 35,625.00; 10 associates
 * at year end (8 entrepreneurs salariés, 2 external), one entrepreneur admitted in November, the staff associate
 * gone in October.
 *
 * Earlier years (2013–2015) carry only what 2016 depends on: integrations, CAPEs and renewals, CESAs and the
 * membership register. Values the report does not give, chosen here:
 * - exits: company creation 6, salaried job 5, training 2, other project 3, abandonment 3, CAPE ended 3,
 *   associate deadline missed 2, other 1 (positive exit rate 0.4400); one entrepreneur leaves in March for another
 *   project and returns in October under a new CAPE (her return is one of the 24 integrations);
 * - funnel: 11 information sessions (none in August), 104 attendees; 43 intake interviews;
 * - subsidies: Région 18,000.00, Département des Hautes-Alpes 9,000.00, European Social Fund 7,125.00,
 *   Ville de Gap 1,500.00;
 * - payroll: a gross mass of 241,151.00 shared by weight over every month an entrepreneur salarié invoices and is
 *   under a CESA on the 27th (payday), contributions on the payslip at 22% and 42% of gross, plus a 0.36 annual
 *   regularisation of employer contributions on one December payslip; hours at 2016's SMIC (9.67 €/h);
 * - one invoice a month per entrepreneur with a contract in force, paid on the tenth day after issue, except
 *   December invoices under a CAPE (outstanding at year end); each salary is covered by the same month's payment;
 * - credit notes: a 1,200.00 invoice at 20% cancelled in April (never paid), 350.00 of a 1,400.00 training invoice
 *   in June (the remaining 1,050.00 paid in July);
 * - people: 7 women in 12, birth years 1956–1992 (BIRTH_YEARS), situation at entry 12 unemployed, 3 employed,
 *   3 minimum income, 1 student, 1 other in 20, 1 in 7 with a parallel activity; sectors in a fixed rotation
 *   (catering and the credit notes' activities set apart), training and care exempt of VAT, catering at 10%;
 * - support: two individual meetings a year (one for 1 in 11 of those present all year, and for late entrants),
 *   a monthly start-up workshop (3 h) for those under CAPE, a quarterly management workshop (2.5 h) and a quarterly
 *   cooperative meeting (collective, 2 h) for some entrepreneurs salariés;
 * - membership: shares of 25.00; 7 entrepreneur associates (52 shares), the staff associate (10), two external
 *   associates (20 and 10); the November associate subscribes 4 shares: capital 2,150.00 on 31 Dec.
 */

const CAE = 'coodyssee';
const YEAR = 2016;
const SMIC_2016 = '9.67';
const GROSS_MASS = money('241151');
const EMPLOYEE_RATE = '0.22';
const EMPLOYER_RATE = '0.42';
const CONTRIBUTION_RATE = '0.12';
/** Cents the payslips' rates leave out of the published 154,337.00 of contributions (0.64 × 241,151.00 = 154,336.64). */
const EMPLOYER_REGULARISATION = money('0.36');
/** Net revenue excl. VAT of 2016 by VAT rate: 98,720.00 of VAT in all. */
const REVENUE_BY_RATE: Record<'20' | '10' | '0', Money> = { '20': money('483600'), '10': money('20000'), '0': money('405100') };
const PAYDAY = 27;

// ——— Who is who ———

interface Cape {
  signedOn: IsoDate;
  months: number;
  renewals?: { renewedOn: IsoDate; months: number }[];
}

interface Stay {
  integratedOn: IsoDate;
  cape?: Cape;
  cesaOn?: IsoDate;
  exit?: { on: IsoDate; reason: ExitReason };
}

interface Entrepreneur {
  id: string;
  /** Place in the roster: profile, sector and weights follow from it. */
  rank: number;
  sector: string;
  stays: Stay[];
  membership?: { admittedOn: IsoDate; shares: number };
}

const day = (month: number, dayOfMonth: number): IsoDate => `${YEAR}-${pad(month)}-${pad(dayOfMonth)}`;
const capeEnd = (cape: Cape): IsoDate =>
  (cape.renewals ?? []).reduce((end, r) => addDays(addMonths(addDays(end, 1), r.months), -1), addDays(addMonths(cape.signedOn, cape.months), -1));
/** A CAPE first (none when months is 0), then the CESA the day after it ends. */
const capeThenCesa = (integratedOn: IsoDate, months: number): Stay => {
  if (months === 0) return { integratedOn, cesaOn: integratedOn };
  const cape = { signedOn: integratedOn, months };
  return { integratedOn, cape, cesaOn: addDays(capeEnd(cape), 1) };
};
const capeOnly = (integratedOn: IsoDate, months: number, renewals: Cape['renewals'] = []): Stay => ({
  integratedOn,
  cape: { signedOn: integratedOn, months, renewals },
});

/** Entrepreneur associates since 2014–2015, integrated in 2013: [integratedOn, CAPE months, admittedOn, shares]. */
const ASSOCIATES: [IsoDate, number, IsoDate, number][] = [
  ['2013-02-04', 6, '2014-03-10', 10],
  ['2013-03-04', 6, '2014-03-10', 10],
  ['2013-04-02', 4, '2014-09-15', 8],
  ['2013-05-06', 6, '2015-01-12', 8],
  ['2013-06-03', 3, '2015-03-16', 6],
  ['2013-09-02', 6, '2015-06-15', 6],
  ['2013-10-07', 6, '2015-11-16', 4],
];

/** Entrepreneurs salariés integrated in 2014–2015: es-001 to es-062. */
const SALARIED_SINCE_2014 = 62;
/** Those of them who leave in 2016. */
const LEAVERS: Record<string, { on: IsoDate; reason: ExitReason }> = {
  'es-002': { on: '2016-01-29', reason: 'salaried_job' },
  'es-005': { on: '2016-02-26', reason: 'company_creation' },
  'es-009': { on: '2016-03-15', reason: 'other_project' },
  'es-012': { on: '2016-04-29', reason: 'training' },
  'es-016': { on: '2016-05-31', reason: 'salaried_job' },
  'es-019': { on: '2016-09-30', reason: 'company_creation' },
  'es-023': { on: '2016-09-16', reason: 'salaried_job' },
  'es-027': { on: '2016-09-23', reason: 'other_project' },
  'es-030': { on: '2016-10-31', reason: 'company_creation' },
  'es-034': { on: '2016-10-14', reason: 'training' },
  'es-037': { on: '2016-12-31', reason: 'company_creation' },
  'es-041': { on: '2016-12-31', reason: 'company_creation' },
  'es-045': { on: '2016-12-16', reason: 'salaried_job' },
  'es-048': { on: '2016-12-30', reason: 'salaried_job' },
  'es-052': { on: '2016-12-23', reason: 'other_project' },
  'es-056': { on: '2016-12-09', reason: 'abandonment' },
  'es-059': { on: '2016-12-31', reason: 'other' },
};
/** Leaves in March for another project and comes back in October under a new CAPE. */
const RETURNING = 'es-009';
/** Admitted as an associate in November 2016. */
const NOVEMBER_ASSOCIATE = 'es-003';

/** Those who come in 2016: [integratedOn, CAPE months (0: a CESA on arrival), CESA after the CAPE, CAPE renewals, exit]. */
const NEWCOMERS: [IsoDate, number, IsoDate | null, Cape['renewals'], Stay['exit'] | null][] = [
  ['2016-01-11', 7, null, [], { on: '2016-08-11', reason: 'cape_ended' }],
  ['2016-02-01', 12, '2016-07-01', [], null],
  ['2016-02-15', 0, null, [], null],
  ['2016-02-22', 6, null, [], { on: '2016-06-20', reason: 'abandonment' }],
  ['2016-03-07', 6, '2016-09-01', [], null],
  ['2016-03-21', 12, null, [], null],
  ['2016-04-04', 3, '2016-07-04', [], null],
  ['2016-04-18', 12, null, [], null],
  ['2016-05-09', 0, null, [], null],
  ['2016-06-06', 6, null, [{ renewedOn: '2016-11-21', months: 6 }], null],
  ['2016-07-04', 4, '2016-11-02', [], null],
  ['2016-08-22', 12, null, [], null],
  ['2016-08-29', 0, null, [], null],
  ['2016-09-12', 2, '2016-11-07', [], null],
  ['2016-10-03', 12, null, [], null],
  ['2016-10-17', 0, null, [], null],
  ['2016-10-24', 1, '2016-11-21', [], null],
  ['2016-11-07', 6, null, [], null],
  ['2016-11-14', 0, null, [], null],
  ['2016-11-28', 12, null, [], null],
  ['2016-12-05', 12, null, [], null],
  ['2016-12-12', 0, null, [], null],
  ['2016-12-19', 6, null, [], null],
];

const SECTORS = [
  'Formation',
  'Conseil',
  'Communication et graphisme',
  'Santé',
  'Artisanat',
  'Formation',
  'Informatique',
  'Bâtiment et rénovation',
  'Tourisme et montagne',
  'Formation',
  'Arts et spectacle',
  'Santé',
];
/** Training (CGI art. 261-4-4°) and care (art. 261-4-1°) are exempt; catering is at 10%. */
const VAT_BY_SECTOR: Record<string, VatRate> = { Formation: '0', Santé: '0', 'Restauration et traiteur': '10' };
const CLIENT_KINDS_BY_SECTOR: Record<string, ClientKind[]> = {
  Formation: ['company', 'public_body', 'association', 'company'],
  Conseil: ['company', 'company', 'association'],
  'Communication et graphisme': ['company', 'association', 'public_body'],
  Santé: ['individual'],
  Artisanat: ['individual', 'individual', 'company'],
  Informatique: ['company'],
  'Bâtiment et rénovation': ['individual', 'company'],
  'Tourisme et montagne': ['individual', 'association'],
  'Arts et spectacle': ['association', 'public_body'],
  'Restauration et traiteur': ['individual', 'company'],
};

/** The 85 present on 1 Jan 2016, then the 23 newcomers of 2016 (the 24th integration is a return). */
const roster = (): Entrepreneur[] => {
  const people: Omit<Entrepreneur, 'rank' | 'sector'>[] = [];
  ASSOCIATES.forEach(([integratedOn, months, admittedOn, shares], i) =>
    people.push({ id: `esa-${pad(i + 1)}`, stays: [capeThenCesa(integratedOn, months)], membership: { admittedOn, shares } }),
  );
  // Two entrepreneurs salariés of 2013 who never became associates: their CESA ends with the deadline (L7331-3).
  people.push({ id: 'es-2013-01', stays: [{ ...capeThenCesa('2013-01-07', 3), exit: { on: '2016-01-11', reason: 'associate_deadline_missed' } }] });
  people.push({ id: 'es-2013-02', stays: [{ ...capeThenCesa('2013-09-02', 4), exit: { on: '2016-09-05', reason: 'associate_deadline_missed' } }] });
  for (let k = 0; k < SALARIED_SINCE_2014; k++) {
    const integratedOn = addDays(addMonths('2014-01-06', Math.floor((k * 21) / SALARIED_SINCE_2014)), 7 * (k % 4));
    const id = `es-${pad(k + 1, 3)}`;
    const stay = { ...capeThenCesa(integratedOn, [0, 3, 6, 6, 4][k % 5]!), ...(LEAVERS[id] ? { exit: LEAVERS[id] } : {}) };
    const comeback: Stay[] = id === RETURNING ? [capeOnly('2016-10-10', 12)] : [];
    const membership = id === NOVEMBER_ASSOCIATE ? { membership: { admittedOn: '2016-11-14', shares: 4 } } : {};
    people.push({ id, stays: [stay, ...comeback], ...membership });
  }
  // Under a CAPE on 1 Jan 2016, under a CESA before its end.
  (
    [
      ['2015-02-02', 12, [], '2016-02-01'],
      ['2015-03-09', 12, [], '2016-03-01'],
      ['2015-05-04', 6, [{ renewedOn: '2015-10-20', months: 6 }], '2016-05-02'],
      ['2015-06-08', 12, [], '2016-06-01'],
      ['2015-07-06', 12, [], '2016-07-01'],
      ['2015-09-07', 9, [], '2016-06-06'],
      ['2015-11-02', 12, [], '2016-10-03'],
      ['2015-12-07', 12, [], '2016-12-01'],
    ] as [IsoDate, number, Cape['renewals'], IsoDate][]
  ).forEach(([integratedOn, months, renewals, cesaOn], i) =>
    people.push({ id: `cape-2015-${pad(i + 1)}`, stays: [{ ...capeOnly(integratedOn, months, renewals), cesaOn }] }),
  );
  // Under a CAPE still in force on 31 Dec 2016, through a renewal.
  people.push({ id: 'cape-2015-09', stays: [capeOnly('2015-04-06', 12, [{ renewedOn: '2016-03-21', months: 12 }])] });
  people.push({ id: 'cape-2015-10', stays: [capeOnly('2015-10-05', 6, [{ renewedOn: '2016-03-29', months: 12 }])] });
  // Under a CAPE, gone in 2016.
  people.push({ id: 'cape-2015-11', stays: [{ ...capeOnly('2015-03-02', 12), exit: { on: '2016-03-02', reason: 'cape_ended' } }] });
  people.push({ id: 'cape-2015-12', stays: [{ ...capeOnly('2015-06-01', 12), exit: { on: '2016-05-20', reason: 'company_creation' } }] });
  people.push({ id: 'cape-2015-13', stays: [{ ...capeOnly('2015-11-02', 12), exit: { on: '2016-05-17', reason: 'abandonment' } }] });
  people.push({
    id: 'cape-2014-01',
    stays: [{ ...capeOnly('2014-09-01', 12, [{ renewedOn: '2015-08-17', months: 12 }]), exit: { on: '2016-09-01', reason: 'cape_ended' } }],
  });
  NEWCOMERS.forEach(([integratedOn, months, cesaOn, renewals, exit], i) => {
    const stay: Stay = months === 0 ? { integratedOn, cesaOn: integratedOn } : { ...capeOnly(integratedOn, months, renewals), ...(cesaOn ? { cesaOn } : {}) };
    people.push({ id: `new-2016-${pad(i + 1)}`, stays: [{ ...stay, ...(exit ? { exit } : {}) }] });
  });
  // Catering (the 10% revenue) and the two credit notes' activities, outside the rotation.
  const sectorOf: Record<string, string> = {
    'es-004': 'Communication et graphisme',
    'es-006': 'Formation',
    'es-011': 'Restauration et traiteur',
    'new-2016-06': 'Restauration et traiteur',
  };
  return people.map((p, rank) => ({ ...p, rank, sector: sectorOf[p.id] ?? SECTORS[rank % SECTORS.length]! }));
};

// ——— Where each one stands on a given day ———

const stayOn = (e: Entrepreneur, d: IsoDate): Stay | undefined => e.stays.find((s) => s.integratedOn <= d && (s.exit === undefined || d < s.exit.on));

const contractOn = (e: Entrepreneur, d: IsoDate): 'cape' | 'cesa' | undefined => {
  const stay = stayOn(e, d);
  if (!stay) return undefined;
  if (stay.cesaOn !== undefined && stay.cesaOn <= d) return 'cesa';
  return stay.cape && stay.cape.signedOn <= d && d <= capeEnd(stay.cape) ? 'cape' : undefined;
};

// ——— Profiles ———

const FIRST_NAMES: Record<Extract<Gender, 'F' | 'M'>, string[]> = {
  F: ['Camille', 'Léa', 'Julie', 'Sophie', 'Claire', 'Manon', 'Élodie', 'Nathalie', 'Aurélie', 'Marion', 'Isabelle'],
  M: ['Thomas', 'Nicolas', 'Julien', 'Pierre', 'Mathieu', 'Olivier', 'Sébastien', 'Laurent', 'Romain'],
};
const LAST_NAMES = ['Martin', 'Bernard', 'Roux', 'Faure', 'Blanc', 'Garcin', 'Arnaud', 'Michel', 'Girard', 'Reynaud', 'Chabrand', 'Eyraud', 'Bonnet'];
const TOWNS: [string, string][] = [
  ['05000', 'Gap'],
  ['05100', 'Briançon'],
  ['05200', 'Embrun'],
  ['05300', 'Laragne-Montéglin'],
  ['05400', 'Veynes'],
  ['05600', 'Guillestre'],
  ['05500', 'Saint-Bonnet-en-Champsaur'],
];
/** Ages in 2016: one under 26, five 26–35, seven 36–45, five 46–55, two over 55 in 20. */
const BIRTH_YEARS = [1992, 1988, 1985, 1983, 1982, 1980, 1978, 1976, 1975, 1973, 1972, 1971, 1969, 1967, 1965, 1963, 1961, 1958, 1956, 1986];
const SITUATIONS: SituationAtEntry[] = [
  ...Array<SituationAtEntry>(12).fill('unemployed'),
  ...Array<SituationAtEntry>(3).fill('employed'),
  ...Array<SituationAtEntry>(3).fill('minimum_income'),
  'student',
  'other',
];

const integration = (e: Entrepreneur, integratedOn: IsoDate) => {
  const gender: Extract<Gender, 'F' | 'M'> = e.rank % 12 < 7 ? 'F' : 'M';
  const [postalCode, city] = TOWNS[e.rank % TOWNS.length]!;
  return {
    entrepreneurId: e.id,
    integratedOn,
    person: {
      firstName: FIRST_NAMES[gender][e.rank % FIRST_NAMES[gender].length]!,
      lastName: LAST_NAMES[(e.rank * 7) % LAST_NAMES.length]!,
      gender,
      birthYear: BIRTH_YEARS[(e.rank * 7) % BIRTH_YEARS.length]!,
      postalCode,
      city,
    },
    activity: { description: `${e.sector} — activité de ${e.id}`, sector: e.sector },
    situationAtEntry: SITUATIONS[e.rank % SITUATIONS.length]!,
    parallelActivity: e.rank % 7 === 0,
  };
};

// ——— The commands, each at its business date ———

/** Order of commands on one day: the contract before what it allows, the money before the salary, the exit last. */
const ORDER_IN_A_DAY = [
  'RecordInformationSession',
  'RecordIntakeInterview',
  'IntegrateEntrepreneur',
  'SignCape',
  'RenewCape',
  'SignCesa',
  'AdmitAssociate',
  'IssueInvoice',
  'IssueCreditNote',
  'RecordPayment',
  'RecordExpense',
  'RecordMeeting',
  'PaySalary',
  'RecordSubsidy',
  'RedeemShares',
  'ExitEntrepreneur',
];

/** A document of the 2016 series; its number is known once every command is in order. */
interface Document {
  number?: string;
}

interface Dated {
  on: IsoDate;
  type: string;
  data: Record<string, unknown>;
  /** The invoice or credit note this command numbers. */
  numbers?: Document;
  /** The invoice this payment or credit note refers to. */
  refersTo?: Document;
}

/** One invoice a month per entrepreneur with a contract in force that day, before any amount is known. */
interface InvoiceSlot {
  e: Entrepreneur;
  month: number;
  issuedOn: IsoDate;
  contract: 'cape' | 'cesa';
  /** Under a CESA on payday: a salary this month, funded by this invoice. */
  salaried: boolean;
  expense?: Money;
  salary?: { gross: Money; employerCost: Money };
  amount?: Money;
}

const EXPENSES = ['45.00', '60.00', '80.00', '120.00', '35.00'];
const SMALLEST_INVOICE = money(80);

/** Shares `total` (whole euros) in proportion to the weights, the odd euros to the first ones. */
const shareOut = (total: Money, weights: number[]): Money[] => {
  const sumOfWeights = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => total.times(w).dividedToIntegerBy(sumOfWeights));
  let left = total.minus(parts.reduce((a, b) => a.plus(b), ZERO));
  return parts.map((p) => {
    if (left.isZero()) return p;
    left = left.minus(1);
    return p.plus(1);
  });
};

export const coodyssee2016 = (): Envelope[] => {
  const people = roster();
  const dated: Dated[] = [];
  const at = (on: IsoDate, type: string, data: Record<string, unknown>, links: Pick<Dated, 'numbers' | 'refersTo'> = {}): void => {
    dated.push({ on, type, data: { caeId: CAE, ...data }, ...links });
  };

  // Contracts and exits, 2013–2016.
  for (const e of people)
    for (const stay of e.stays) {
      at(stay.integratedOn, 'IntegrateEntrepreneur', integration(e, stay.integratedOn));
      if (stay.cape) {
        at(stay.cape.signedOn, 'SignCape', { entrepreneurId: e.id, signedOn: stay.cape.signedOn, months: stay.cape.months });
        for (const r of stay.cape.renewals ?? []) at(r.renewedOn, 'RenewCape', { entrepreneurId: e.id, renewedOn: r.renewedOn, months: r.months });
      }
      if (stay.cesaOn) at(stay.cesaOn, 'SignCesa', { entrepreneurId: e.id, signedOn: stay.cesaOn });
      if (stay.exit) at(stay.exit.on, 'ExitEntrepreneur', { entrepreneurId: e.id, exitedOn: stay.exit.on, reason: stay.exit.reason });
    }

  // Membership: the staff associate and two external ones; entrepreneurs once under a CESA.
  for (const [associateId, admittedOn, shares, category, name] of [
    ['staff-01', '2014-03-10', 10, 'staff', 'Sophie Garcin'],
    ['ext-01', '2015-06-22', 20, 'external', 'Fondation Solidarités Alpines'],
    ['ext-02', '2015-12-07', 10, 'external', 'CIGALES du Gapençais'],
  ] as const)
    at(admittedOn, 'AdmitAssociate', { associateId, admittedOn, shares, category, person: { name } });
  for (const e of people)
    if (e.membership)
      at(e.membership.admittedOn, 'AdmitAssociate', {
        associateId: `a-${e.id}`,
        admittedOn: e.membership.admittedOn,
        shares: e.membership.shares,
        category: 'entrepreneur',
        entrepreneurId: e.id,
      });
  at('2016-10-17', 'RedeemShares', { associateId: 'staff-01', redeemedOn: '2016-10-17', shares: 10 });

  // Funnel and subsidies.
  const attendees = [12, 10, 9, 11, 8, 7, 6, 0, 13, 11, 9, 8];
  const interviews = [4, 5, 4, 4, 3, 3, 3, 2, 4, 4, 4, 3];
  for (let month = 1; month <= 12; month++) {
    if (attendees[month - 1]! > 0) at(day(month, 5), 'RecordInformationSession', { heldOn: day(month, 5), attendees: attendees[month - 1] });
    for (let i = 0; i < interviews[month - 1]!; i++) at(day(month, 8 + 3 * i), 'RecordIntakeInterview', { heldOn: day(month, 8 + 3 * i) });
  }
  for (const [receivedOn, funder, amount] of [
    ['2016-03-10', 'Ville de Gap', '1500.00'],
    ['2016-04-15', 'Région Provence-Alpes-Côte d’Azur', '18000.00'],
    ['2016-06-20', 'Département des Hautes-Alpes', '9000.00'],
    ['2016-10-12', 'Fonds social européen', '7125.00'],
  ])
    at(receivedOn!, 'RecordSubsidy', { receivedOn, funder, amount });

  // Invoices, expenses and salaries: where they fall first, then the amounts.
  const slots: InvoiceSlot[] = [];
  for (const e of people)
    for (let month = 1; month <= 12; month++) {
      const issuedOn = day(month, 2 + ((e.rank + month) % 10));
      const contract = contractOn(e, issuedOn);
      if (!contract) continue;
      const payday = day(month, PAYDAY);
      const expenseOn = day(month, 14);
      slots.push({
        e,
        month,
        issuedOn,
        contract,
        ...(month % 3 === 0 && stayOn(e, expenseOn) ? { expense: money(EXPENSES[(e.rank + month) % EXPENSES.length]!) } : {}),
        salaried: contractOn(e, payday) === 'cesa',
      });
    }
  const paid = slots.filter((s) => s.salaried);
  const grosses = shareOut(GROSS_MASS, paid.map((s) => [2, 3, 4, 2, 5, 3, 6][s.e.rank % 7]!));
  const regularised = paid.find((s) => s.e.id === 'esa-01' && s.month === 12)!;
  paid.forEach((s, i) => {
    const gross = grosses[i]!;
    const employer = gross.times(EMPLOYER_RATE).plus(s === regularised ? EMPLOYER_REGULARISATION : ZERO);
    s.salary = { gross, employerCost: gross.plus(employer) };
  });

  // The credit notes' invoices, outside the slots: one cancelled at 20%, one training invoice credited in part at 0%.
  const cancelled = { e: people.find((e) => e.id === 'es-004')!, issuedOn: '2016-04-11', amount: money('1200'), vatRate: '20' as VatRate };
  const credited = { e: people.find((e) => e.id === 'es-006')!, issuedOn: '2016-06-13', amount: money('1400'), vatRate: '0' as VatRate };
  const creditedPart = money('350');

  // Revenue at each rate: every salary month covers its employer cost and expenses after the 12% contribution.
  const rateOf = (e: Entrepreneur): VatRate => VAT_BY_SECTOR[e.sector] ?? '20';
  for (const rate of ['20', '10', '0'] as const) {
    const pool = slots.filter((s) => rateOf(s.e) === rate);
    const floor = pool.map((s) =>
      s.salary
        ? s.salary.employerCost.plus(s.expense ?? ZERO).dividedBy(new Decimal(1).minus(CONTRIBUTION_RATE)).ceil().plus(1)
        : SMALLEST_INVOICE.plus(s.expense ?? ZERO),
    );
    const fixed = rate === credited.vatRate ? credited.amount.minus(creditedPart) : ZERO;
    const rest = REVENUE_BY_RATE[rate].minus(fixed).minus(floor.reduce((a, b) => a.plus(b), ZERO));
    if (rest.isNegative()) throw new Error(`The ${rate}% revenue cannot cover the salaries it funds`);
    const season = (s: InvoiceSlot) =>
      s.e.sector === 'Tourisme et montagne' && [2, 7, 8].includes(s.month) ? 4 : s.e.sector === 'Formation' && [7, 8].includes(s.month) ? 1 : 2;
    const extra = shareOut(rest, pool.map((s) => [3, 4, 5, 6, 8, 10][s.e.rank % 6]! * season(s)));
    pool.forEach((s, i) => (s.amount = floor[i]!.plus(extra[i]!)));
  }

  const invoice = (e: Entrepreneur, issuedOn: IsoDate, amount: Money, vatRate: VatRate, month: number): Document => {
    const document: Document = {};
    const kinds = CLIENT_KINDS_BY_SECTOR[e.sector]!;
    const kind = kinds[month % kinds.length]!;
    at(
      issuedOn,
      'IssueInvoice',
      {
        entrepreneurId: e.id,
        issuedOn,
        client: { name: kind === 'individual' ? `Client particulier ${e.rank}-${month}` : `${e.sector} — client ${(e.rank + month) % 9}`, kind },
        lines: [{ description: `${e.sector} — prestation de ${issuedOn.slice(0, 7)}`, quantity: '1', unitPrice: formatMoney(amount), vatRate }],
      },
      { numbers: document },
    );
    return document;
  };
  const withVat = (amount: Money, vatRate: VatRate): string => formatMoney(amount.times(new Decimal(100).plus(vatRate)).dividedBy(100));

  for (const s of slots) {
    const vatRate = rateOf(s.e);
    const document = invoice(s.e, s.issuedOn, s.amount!, vatRate, s.month);
    const outstanding = s.month === 12 && s.contract === 'cape' && !s.salaried;
    if (!outstanding) at(addDays(s.issuedOn, 10), 'RecordPayment', { paidOn: addDays(s.issuedOn, 10), amount: withVat(s.amount!, vatRate) }, { refersTo: document });
    if (s.expense) {
      const expenseOn = day(s.month, 14);
      at(expenseOn, 'RecordExpense', {
        entrepreneurId: s.e.id,
        incurredOn: expenseOn,
        category: 'Déplacements',
        amount: formatMoney(s.expense),
        vat: formatMoney(s.expense.times('0.2')),
        description: 'Frais de déplacement',
      });
    }
    if (s.salary) {
      const gross = s.salary.gross;
      at(day(s.month, PAYDAY), 'PaySalary', {
        entrepreneurId: s.e.id,
        period: `${YEAR}-${pad(s.month)}`,
        paidOn: day(s.month, PAYDAY),
        gross: formatMoney(gross),
        // Rounded down: the hourly rate stays at or above the SMIC.
        hours: gross.dividedBy(SMIC_2016).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2),
        employeeContributions: formatMoney(gross.times(EMPLOYEE_RATE)),
        employerContributions: formatMoney(s.salary.employerCost.minus(gross)),
      });
    }
  }
  const cancelledInvoice = invoice(cancelled.e, cancelled.issuedOn, cancelled.amount, cancelled.vatRate, 4);
  at('2016-04-25', 'IssueCreditNote', { issuedOn: '2016-04-25', reason: 'Prestation annulée par le client' }, { refersTo: cancelledInvoice, numbers: {} });
  const creditedInvoice = invoice(credited.e, credited.issuedOn, credited.amount, credited.vatRate, 6);
  at(
    '2016-06-27',
    'IssueCreditNote',
    {
      issuedOn: '2016-06-27',
      reason: 'Une session de formation sur quatre annulée',
      lines: [{ description: 'Session du 24 juin annulée', quantity: '1', unitPrice: formatMoney(creditedPart), vatRate: '0' }],
    },
    { refersTo: creditedInvoice, numbers: {} },
  );
  at('2016-07-15', 'RecordPayment', { paidOn: '2016-07-15', amount: formatMoney(credited.amount.minus(creditedPart)) }, { refersTo: creditedInvoice });

  // Support: individual meetings, workshops, cooperative meetings.
  const meeting = (e: Entrepreneur, heldOn: IsoDate, kind: string, hours: string): void => {
    if (heldOn.startsWith(`${YEAR}-`) && stayOn(e, heldOn)) at(heldOn, 'RecordMeeting', { entrepreneurId: e.id, heldOn, kind, hours });
  };
  for (const e of people) {
    for (const stay of e.stays) {
      if (stay.integratedOn < `${YEAR}-01-01`) {
        const first = 1 + (e.rank % 5);
        meeting(e, day(first, 15 + (e.rank % 8)), 'individual', '1.5');
        if (e.rank % 11 !== 5) meeting(e, day(first + 6, 15 + (e.rank % 8)), 'individual', '1.5');
      } else {
        meeting(e, addDays(stay.integratedOn, 7), 'individual', '1.5');
        meeting(e, addMonths(stay.integratedOn, 5), 'individual', '1.5');
      }
    }
    for (let month = 1; month <= 12; month++) {
      if (month !== 8 && contractOn(e, day(month, 19)) === 'cape') meeting(e, day(month, 19), 'workshop', '3');
      if (month % 3 === 0 && contractOn(e, day(month, 8)) === 'cesa') {
        if (e.rank % 3 === 0) meeting(e, day(month, 8), 'collective', '2');
        if (e.rank % 4 === 1) meeting(e, day(month, 21), 'workshop', '2.5');
      }
    }
  }

  // In business order; documents are numbered in that order, so payments and credit notes know their invoice.
  const rank = (type: string) => ORDER_IN_A_DAY.indexOf(type);
  const ordered = dated
    .map((d, seq) => ({ d, seq }))
    .sort((a, b) => (a.d.on < b.d.on ? -1 : a.d.on > b.d.on ? 1 : rank(a.d.type) - rank(b.d.type) || a.seq - b.seq))
    .map(({ d }) => d);
  let sequence = 0;
  for (const d of ordered) if (d.numbers) d.numbers.number = `${YEAR}-${pad(++sequence, 6)}`;
  const registration: Envelope = {
    type: 'RegisterCae',
    commandId: `${CAE}-000000`,
    data: {
      caeId: CAE,
      name: 'Coodyssée',
      legalForm: 'SARL_SCOP',
      region: 'Provence-Alpes-Côte d’Azur',
      contribution: { rate: CONTRIBUTION_RATE, base: 'revenue' },
      shareNominalValue: '25.00',
      payroll: { employeeRate: EMPLOYEE_RATE, employerRate: EMPLOYER_RATE },
    },
  };
  return [
    registration,
    ...ordered.map((d, i) => ({
      type: d.type,
      commandId: `${CAE}-${pad(i + 1, 6)}`,
      data: d.refersTo ? { ...d.data, invoiceNumber: d.refersTo.number! } : d.data,
    })),
  ];
};
