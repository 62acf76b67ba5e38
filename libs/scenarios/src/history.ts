import Decimal from 'decimal.js';
import { pad, seededRandom } from './generation';

/**
 * A deterministic history of command envelopes for one CAE: entrepreneurs integrated, under CAPE then CESA,
 * invoicing every month, paid, with expenses, salaries their treasury covers, meetings, associates and exits.
 * The demo network of `npm start` and the tests that load the log are made of it.
 */
export interface Envelope {
  type: string;
  commandId: string;
  data: Record<string, unknown>;
}

export interface HistoryOptions {
  caeId?: string;
  entrepreneurs?: number;
  year?: number;
}

export const generateHistory = (options: HistoryOptions = {}): Envelope[] => {
  const caeId = options.caeId ?? 'demo';
  const count = options.entrepreneurs ?? 40;
  const year = options.year ?? 2016;
  const rnd = seededRandom(42);
  const out: Envelope[] = [];
  let n = 0;
  const cmd = (type: string, data: Record<string, unknown>): void => {
    out.push({ type, commandId: `${caeId}-${pad(++n, 6)}`, data: { caeId, ...data } });
  };
  let invoiceSequence = 0;

  cmd('RegisterCae', {
    name: `CAE ${caeId}`,
    legalForm: 'SARL_SCOP',
    region: 'Provence-Alpes-Côte d’Azur',
    contribution: { rate: '0.12', base: 'revenue' },
    shareNominalValue: '25.00',
  });
  const ids = Array.from({ length: count }, (_, i) => `e-${pad(i + 1, 4)}`);
  // Integrations in January, CAPE for 3 months, CESA from April for two entrepreneurs out of three.
  ids.forEach((entrepreneurId, i) => {
    cmd('IntegrateEntrepreneur', {
      entrepreneurId,
      integratedOn: `${year}-01-${pad((i % 28) + 1)}`,
      person: { firstName: `Prénom${i}`, lastName: `Nom${i}`, gender: i % 2 ? 'F' : 'M', birthYear: 1960 + (i % 40) },
      activity: { description: `Activité ${i}`, sector: ['Services', 'Artisanat', 'Formation', 'Commerce'][i % 4] },
      situationAtEntry: ['unemployed', 'employed', 'minimum_income', 'other'][i % 4],
      parallelActivity: i % 5 === 0,
    });
    cmd('SignCape', { entrepreneurId, signedOn: `${year}-01-${pad((i % 28) + 1)}`, months: 3 });
  });
  for (let month = 2; month <= 12; month++) {
    const day = (d: number) => `${year}-${pad(month)}-${pad(d)}`;
    ids.forEach((entrepreneurId, i) => {
      const salaried = i % 3 !== 2;
      if (month === 4 && salaried) cmd('SignCesa', { entrepreneurId, signedOn: day(1) });
      if (month === 4 && !salaried) cmd('RenewCape', { entrepreneurId, renewedOn: `${year}-03-15`, months: 7 });
      if (month >= 11 && !salaried) return;
      const amount = `${400 + Math.floor(rnd() * 1200)}.00`;
      cmd('IssueInvoice', {
        entrepreneurId,
        issuedOn: day(5),
        client: { name: `Client ${i}-${month}`, kind: ['company', 'individual', 'public_body', 'association'][(i + month) % 4] },
        lines: [{ description: 'Prestation', quantity: '2', unitPrice: amount, vatRate: '20' }],
      });
      const number = `${year}-${pad(++invoiceSequence, 6)}`;
      const total = new Decimal(amount).times(2).times('1.2').toFixed(2);
      cmd('RecordPayment', { invoiceNumber: number, paidOn: day(20), amount: total });
      cmd('RecordExpense', { entrepreneurId, incurredOn: day(21), category: 'Déplacements', amount: '40.00', vat: '8.00', description: 'Train' });
      if (month >= 4 && salaried) cmd('PaySalary', { entrepreneurId, period: `${year}-${pad(month)}`, paidOn: day(28), gross: '300.00', hours: '20' });
      if (month % 6 === 0) cmd('RecordMeeting', { entrepreneurId, heldOn: day(10), kind: 'individual', hours: '1.5' });
    });
    cmd('RecordInformationSession', { heldOn: day(3), attendees: 5 + month });
    cmd('RecordIntakeInterview', { heldOn: day(4) });
  }
  ids.forEach((entrepreneurId, i) => {
    if (i % 3 === 0) cmd('AdmitAssociate', { associateId: `a-${entrepreneurId}`, admittedOn: `${year}-12-01`, shares: 2, category: 'entrepreneur', entrepreneurId });
    if (i % 3 === 2) cmd('ExitEntrepreneur', { entrepreneurId, exitedOn: `${year}-11-30`, reason: i % 2 ? 'company_creation' : 'abandonment' });
  });
  cmd('RecordSubsidy', { receivedOn: `${year}-12-15`, funder: 'Région', amount: '12000.00' });
  return out;
};

export const toJsonl = (envelopes: Envelope[]): string => envelopes.map((e) => JSON.stringify(e)).join('\n') + '\n';
