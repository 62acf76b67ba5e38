import Decimal from 'decimal.js';
import { pad, seededRandom } from './generation';
import type { Envelope } from './history';

/**
 * A network's history at scale, for benchmarks: N CAEs × M entrepreneurs × Y years, generated lazily month by
 * month (interleaving the CAEs as time goes), with the mix a real CAE produces. Per entrepreneur and month:
 * two invoices, two payments, one expense, and a salary once under a CESA; two individual meetings a year;
 * integrations under a 6-month CAPE, CESA or renewal, associates after a year of CESA, about 15% exits a
 * year replaced by new integrations; funnel events and a yearly subsidy per CAE.
 * Default: the Coopérer Pour Entreprendre network, 70 CAEs × 110 entrepreneurs × 10 years.
 */
export interface WorkloadOptions {
  caes?: number;
  entrepreneursPerCae?: number;
  years?: number;
  fromYear?: number;
  seed?: number;
}

interface Member {
  id: string;
  /** Month index (0 = January of fromYear) of the integration. */
  since: number;
  salaried: boolean;
  associate: boolean;
  renewed: boolean;
}

interface Cae {
  caeId: string;
  members: Member[];
  nextId: number;
  sequence: number;
  commands: number;
}

const SECTORS = ['Services aux entreprises', 'Artisanat', 'Formation', 'Culture', 'Bâtiment', 'Commerce', 'Numérique'];
const KINDS = ['company', 'individual', 'public_body', 'association'];
const POSITIVE = ['company_creation', 'salaried_job'];
const OTHER = ['training', 'other_project', 'abandonment', 'other'];

export const DEFAULT_WORKLOAD = { caes: 70, entrepreneursPerCae: 110, years: 10, fromYear: 2015, seed: 7 } as const;

export function* workload(options: WorkloadOptions = {}): Generator<Envelope> {
  const o = { ...DEFAULT_WORKLOAD, ...options };
  const rnd = seededRandom(o.seed);
  const caes: Cae[] = Array.from({ length: o.caes }, (_, i) => ({ caeId: `cae-${pad(i + 1, 3)}`, members: [], nextId: 1, sequence: 0, commands: 0 }));
  const cmd = (cae: Cae, type: string, data: Record<string, unknown>): Envelope => ({
    type,
    commandId: `${cae.caeId}-${++cae.commands}`,
    data: { caeId: cae.caeId, ...data },
  });
  const dateOf = (month: number, day: number): string => `${o.fromYear + Math.floor(month / 12)}-${pad((month % 12) + 1)}-${pad(day)}`;

  function* integrate(cae: Cae, month: number): Generator<Envelope> {
    const id = `e-${pad(cae.nextId++, 5)}`;
    const on = dateOf(month, 2);
    cae.members.push({ id, since: month, salaried: false, associate: false, renewed: false });
    yield cmd(cae, 'IntegrateEntrepreneur', {
      entrepreneurId: id,
      integratedOn: on,
      person: { firstName: `Prénom ${id}`, lastName: `Nom ${id}`, gender: rnd() < 0.55 ? 'F' : 'M', birthYear: 1960 + Math.floor(rnd() * 42) },
      activity: { description: `Activité ${id}`, sector: SECTORS[Math.floor(rnd() * SECTORS.length)] },
      situationAtEntry: ['unemployed', 'employed', 'minimum_income', 'student', 'other'][Math.floor(rnd() * 5)],
      parallelActivity: rnd() < 0.2,
    });
    yield cmd(cae, 'SignCape', { entrepreneurId: id, signedOn: on, months: 6 });
  }

  for (const cae of caes) {
    yield cmd(cae, 'RegisterCae', {
      name: `CAE ${cae.caeId}`,
      legalForm: 'SARL_SCOP',
      region: 'Auvergne-Rhône-Alpes',
      contribution: { rate: '0.12', base: 'revenue' },
      shareNominalValue: '25.00',
    });
    yield cmd(cae, 'AdmitAssociate', { associateId: 'staff-1', admittedOn: dateOf(0, 1), shares: 20, category: 'staff', person: { name: 'Équipe d’appui' } });
    for (let k = 0; k < o.entrepreneursPerCae; k++) yield* integrate(cae, 0);
  }

  for (let month = 0; month < o.years * 12; month++) {
    const year = o.fromYear + Math.floor(month / 12);
    if (month % 12 === 0 && month > 0) for (const cae of caes) cae.sequence = 0;
    for (const cae of caes) {
      yield cmd(cae, 'RecordInformationSession', { heldOn: dateOf(month, 3), attendees: 5 + Math.floor(rnd() * 15) });
      yield cmd(cae, 'RecordIntakeInterview', { heldOn: dateOf(month, 4) });
      // Replacements for last year's exits arrive in January.
      if (month % 12 === 0 && month > 0) while (cae.members.length < o.entrepreneursPerCae) yield* integrate(cae, month);
      for (const m of cae.members) {
        const age = month - m.since;
        // After the 6-month CAPE: two in three sign a CESA, the others renew once and sign 6 months later.
        if (age === 5 && !m.salaried) {
          if (rnd() < 0.67) {
            m.salaried = true;
            yield cmd(cae, 'SignCesa', { entrepreneurId: m.id, signedOn: dateOf(month, 1) });
          } else {
            m.renewed = true;
            yield cmd(cae, 'RenewCape', { entrepreneurId: m.id, renewedOn: dateOf(month, 1), months: 6 });
          }
        }
        if (age === 11 && m.renewed && !m.salaried) {
          m.salaried = true;
          yield cmd(cae, 'SignCesa', { entrepreneurId: m.id, signedOn: dateOf(month, 1) });
        }
      }
      const active = cae.members.filter((m) => month > m.since);
      // The series is chronological: every invoice of the 5th before any of the 15th.
      for (const day of [5, 15])
        for (const m of active) {
          const unitPrice = `${300 + Math.floor(rnd() * 700)}.00`;
          const vatRate = rnd() < 0.25 ? '0' : '20';
          yield cmd(cae, 'IssueInvoice', {
            entrepreneurId: m.id,
            issuedOn: dateOf(month, day),
            client: { name: `Client ${m.id}-${month}-${day}`, kind: KINDS[Math.floor(rnd() * KINDS.length)] },
            lines: [{ description: 'Prestation', quantity: '2', unitPrice, vatRate }],
          });
          const number = `${year}-${pad(++cae.sequence, 6)}`;
          const total = new Decimal(unitPrice).times(2).times(vatRate === '20' ? '1.2' : '1');
          yield cmd(cae, 'RecordPayment', { invoiceNumber: number, paidOn: dateOf(month, day + 5), amount: total.toFixed(2) });
        }
      for (const m of active) {
        yield cmd(cae, 'RecordExpense', { entrepreneurId: m.id, incurredOn: dateOf(month, 22), category: 'Déplacements', amount: '45.00', vat: '9.00', description: 'Train' });
        if (m.salaried) yield cmd(cae, 'PaySalary', { entrepreneurId: m.id, period: dateOf(month, 1).slice(0, 7), paidOn: dateOf(month, 28), gross: '400.00', hours: '28' });
        if (month % 6 === 2) yield cmd(cae, 'RecordMeeting', { entrepreneurId: m.id, heldOn: dateOf(month, 10), kind: 'individual', hours: '1.5' });
        if (m.salaried && !m.associate && month - m.since >= 18 && month % 12 === 11) {
          m.associate = true;
          yield cmd(cae, 'AdmitAssociate', { associateId: `a-${m.id}`, admittedOn: dateOf(month, 1), shares: 4, category: 'entrepreneur', entrepreneurId: m.id });
        }
      }
      if (month % 12 === 6) yield cmd(cae, 'RecordSubsidy', { receivedOn: dateOf(month, 15), funder: 'Région', amount: '20000.00' });
      // December: about 15% leave, after their last activity of the year.
      if (month % 12 === 11) {
        const leaving = cae.members.filter((m) => m.salaried && rnd() < 0.15);
        for (const m of leaving) {
          if (m.associate) yield cmd(cae, 'RedeemShares', { associateId: `a-${m.id}`, redeemedOn: dateOf(month, 29), shares: 4 });
          yield cmd(cae, 'ExitEntrepreneur', {
            entrepreneurId: m.id,
            exitedOn: dateOf(month, 30),
            reason: rnd() < 0.6 ? POSITIVE[Math.floor(rnd() * 2)] : OTHER[Math.floor(rnd() * OTHER.length)],
          });
        }
        cae.members = cae.members.filter((m) => !leaving.includes(m));
      }
    }
  }
}
