import Decimal from 'decimal.js';
import type { Envelope } from './history';
import { pad, seededRandom } from './generation';

/**
 * Several years of one CAE, deterministic: a cohort integrated every January under a 3-month CAPE; two in
 * three sign a CESA in April, become associates the next December and leave to create their company in the
 * June after; the others renew their CAPE and leave in November. Everyone present invoices every month, is
 * paid, has an expense; entrepreneurs salariés are paid a salary their treasury covers; two individual
 * meetings a year; information sessions, interviews and a yearly subsidy.
 */
export interface NetworkHistoryOptions {
  caeId: string;
  name: string;
  region: string;
  fromYear: number;
  toYear: number;
  cohort: number;
  seed: number;
}

interface Member {
  id: string;
  salaried: boolean;
  /** First month (YYYY-MM) with activity, and the exit date. */
  from: string;
  exitedOn: string;
  exitMonth: string;
  associateOn?: string;
  cohortYear: number;
  k: number;
}

const SECTORS = ['Services aux entreprises', 'Artisanat', 'Formation', 'Culture', 'Bâtiment', 'Commerce'];
const CLIENT_KINDS = ['company', 'individual', 'public_body', 'association'];
const SITUATIONS = ['unemployed', 'employed', 'minimum_income', 'student', 'other'];
const CAPE_EXITS = ['cape_ended', 'salaried_job', 'training', 'abandonment', 'other_project'];

export const generateNetworkHistory = (o: NetworkHistoryOptions): Envelope[] => {
  const rnd = seededRandom(o.seed);
  const out: Envelope[] = [];
  let n = 0;
  const cmd = (type: string, data: Record<string, unknown>): void => {
    out.push({ type, commandId: `${o.caeId}-${pad(++n, 6)}`, data: { caeId: o.caeId, ...data } });
  };
  const sequence = new Map<number, number>();
  const nextNumber = (year: number): string => {
    const next = (sequence.get(year) ?? 0) + 1;
    sequence.set(year, next);
    return `${year}-${pad(next, 6)}`;
  };

  cmd('RegisterCae', {
    name: o.name,
    legalForm: 'SARL_SCOP',
    region: o.region,
    contribution: { rate: '0.11', base: 'revenue' },
    shareNominalValue: '30.00',
  });
  cmd('AdmitAssociate', { associateId: 'staff-1', admittedOn: `${o.fromYear}-01-02`, shares: 20, category: 'staff', person: { name: 'Équipe d’appui' } });
  cmd('AdmitAssociate', { associateId: 'ext-1', admittedOn: `${o.fromYear}-01-02`, shares: 10, category: 'external', person: { name: 'Union régionale des Scop' } });

  const members: Member[] = [];
  for (let year = o.fromYear; year <= o.toYear; year++) {
    // January: the year's cohort is integrated under a CAPE.
    for (let k = 0; k < o.cohort; k++) {
      const id = `e-${year}-${pad(k + 1, 3)}`;
      const day = `${year}-01-${pad(k + 2)}`;
      const salaried = k % 3 !== 2;
      const exitedOn = salaried ? `${year + 2}-06-30` : `${year}-11-30`;
      members.push({
        id,
        salaried,
        from: `${year}-02`,
        exitedOn,
        exitMonth: exitedOn.slice(0, 7),
        ...(salaried ? { associateOn: `${year + 1}-12-01` } : {}),
        cohortYear: year,
        k,
      });
      cmd('IntegrateEntrepreneur', {
        entrepreneurId: id,
        integratedOn: day,
        person: { firstName: `Prénom ${year}-${k}`, lastName: `Nom ${year}-${k}`, gender: rnd() < 0.55 ? 'F' : 'M', birthYear: 1960 + Math.floor(rnd() * 40) },
        activity: { description: `Activité ${k + 1} de ${year}`, sector: SECTORS[(k + year) % SECTORS.length] },
        situationAtEntry: SITUATIONS[Math.floor(rnd() * SITUATIONS.length)],
        parallelActivity: rnd() < 0.2,
      });
      cmd('SignCape', { entrepreneurId: id, signedOn: day, months: 3 });
    }

    for (let month = 1; month <= 12; month++) {
      const ym = `${year}-${pad(month)}`;
      const on = (d: number) => `${ym}-${pad(d)}`;
      cmd('RecordInformationSession', { heldOn: on(3), attendees: 4 + Math.floor(rnd() * 12) });
      if (month % 2 === 0) cmd('RecordIntakeInterview', { heldOn: on(4) });
      for (const m of members) {
        if (ym < m.from || ym > m.exitMonth) continue;
        if (m.cohortYear === year && month === 3 && !m.salaried) cmd('RenewCape', { entrepreneurId: m.id, renewedOn: on(15), months: 7 });
        if (m.cohortYear === year && month === 4 && m.salaried) cmd('SignCesa', { entrepreneurId: m.id, signedOn: on(1) });
        const lastMonthOfCape = !m.salaried && ym > `${year}-10`;
        if (lastMonthOfCape) continue;
        const unitPrice = new Decimal(300 + Math.floor(rnd() * 900)).toFixed(2);
        const training = SECTORS[(m.k + m.cohortYear) % SECTORS.length] === 'Formation';
        cmd('IssueInvoice', {
          entrepreneurId: m.id,
          issuedOn: on(5),
          client: { name: `Client ${m.id} ${ym}`, kind: CLIENT_KINDS[(m.k + month) % CLIENT_KINDS.length] },
          lines: [{ description: training ? 'Session de formation' : 'Prestation', quantity: '2', unitPrice, vatRate: training ? '0' : '20' }],
        });
        const total = new Decimal(unitPrice).times(2).times(training ? 1 : '1.2');
        cmd('RecordPayment', { invoiceNumber: nextNumber(year), paidOn: on(20), amount: total.toFixed(2) });
        cmd('RecordExpense', { entrepreneurId: m.id, incurredOn: on(21), category: 'Déplacements', amount: '35.00', vat: '7.00', description: 'Train' });
        if (m.salaried && ym >= `${m.cohortYear}-04`) cmd('PaySalary', { entrepreneurId: m.id, period: ym, paidOn: on(28), gross: '350.00', hours: '24' });
        if (month === 6 || month === 10) cmd('RecordMeeting', { entrepreneurId: m.id, heldOn: on(10), kind: 'individual', hours: '1.5' });
        if (month === 9) cmd('RecordMeeting', { entrepreneurId: m.id, heldOn: on(12), kind: 'workshop', hours: '3' });
      }
      for (const m of members) {
        if (m.associateOn?.startsWith(ym) && m.exitMonth >= ym)
          cmd('AdmitAssociate', { associateId: `a-${m.id}`, admittedOn: m.associateOn, shares: 2, category: 'entrepreneur', entrepreneurId: m.id });
        if (m.exitMonth === ym) {
          if (m.associateOn && m.associateOn < m.exitedOn) cmd('RedeemShares', { associateId: `a-${m.id}`, redeemedOn: m.exitedOn, shares: 2 });
          cmd('ExitEntrepreneur', {
            entrepreneurId: m.id,
            exitedOn: m.exitedOn,
            reason: m.salaried ? (m.k % 2 ? 'salaried_job' : 'company_creation') : CAPE_EXITS[(m.k + m.cohortYear) % CAPE_EXITS.length],
          });
        }
      }
    }
    cmd('RecordSubsidy', { receivedOn: `${year}-07-15`, funder: 'Région', amount: new Decimal(8000 + o.cohort * 500).toFixed(2) });
  }
  return out;
};
