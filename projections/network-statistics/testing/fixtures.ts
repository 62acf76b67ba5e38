import {
  addMonths,
  formatMoney,
  money,
  POSITIVE_EXIT_REASONS,
  type AssociateCategory,
  type ClientKind,
  type DomainEvent,
  type EntrepreneurProfile,
  type ExitReason,
  type MeetingKind,
  type PersonKind,
  type VatRate,
} from '../../../libs/domain';
import type { ReadModels } from '../../projection';
import * as events from '../../testing/events';
import { given } from '../../testing/given';
import { networkStatistics } from '../projection';
import { caeStatistics, type Statistics } from '../queries';

/**
 * Events for the statistics specs, in a plain Coodyssée story (12% of revenue, shares of 25.00), written as the
 * deciders decide them (contract ends, totals, contributions are given by the spec). Every builder writes to
 * `coodyssee`; `inCae` moves a whole story to another CAE.
 */
export const CAE = 'coodyssee';
const NOMINAL = '25.00';

/** Given the events, then the statistics' documents: `statistics(...history).when(event)`. */
export const statistics = (...history: DomainEvent[]) => given(networkStatistics, ...history);

/** Coodyssée's figures for the year (2016 unless said) in the documents; it must be registered. */
export const figuresOf = async (docs: ReadModels, year = 2016): Promise<Statistics> => {
  const result = await caeStatistics(docs, CAE, year);
  if (!result) throw new Error(`${CAE} is not registered in the story`);
  return result;
};

export const inCae = (caeId: string, story: DomainEvent[]): DomainEvent[] => story.map((e) => ({ ...e, data: { ...e.data, caeId } }) as DomainEvent);

export const registerCae = (contributionRate = '0.12', region = "Provence-Alpes-Côte d'Azur"): DomainEvent =>
  events.caeRegistered({ region, contribution: { rate: contributionRate, base: 'revenue' } });

export type Someone = Partial<Pick<EntrepreneurProfile, 'gender' | 'birthYear' | 'situationAtEntry' | 'parallelActivity'>> & {
  sector?: string;
  /** 2 for a return after an exit. */
  integration?: number;
};

/** Camille Martin, a woman born in 1984, unemployed at entry, with no parallel activity, in Communication, unless said. */
export const integrate = (entrepreneurId: string, integratedOn: string, { sector = 'Communication', integration = 1, ...profile }: Someone = {}): DomainEvent =>
  events.entrepreneurIntegrated({
    entrepreneurId,
    integratedOn,
    integration,
    activity: { description: 'Activité', sector },
    profile: { ...events.entrepreneurIntegrated().data.profile, ...profile },
  });

export const signCape = (entrepreneurId: string, signedOn: string, months: number, endsOn: string): DomainEvent =>
  events.capeSigned({ entrepreneurId, signedOn, months, endsOn, totalMonths: months });

export const renewCape = (entrepreneurId: string, renewedOn: string, months: number, previousEndsOn: string, endsOn: string): DomainEvent =>
  events.capeRenewed({ entrepreneurId, renewedOn, months, renewal: 1, previousEndsOn, endsOn, totalMonths: 12 + months });

/** A CESA with no CAPE time before it: the associate deadline 3 years on, the trial period 8 months on (L7331-3). */
export const signCesa = (entrepreneurId: string, signedOn: string): DomainEvent =>
  events.cesaSigned({ entrepreneurId, signedOn, capeDays: 0, associateDeadline: addMonths(signedOn, 36), trialPeriodEndsOn: addMonths(signedOn, 8) });

/** An entrepreneur salarié from their first day. */
export const salaried = (entrepreneurId: string, integratedOn: string, who: Someone = {}): DomainEvent[] => [integrate(entrepreneurId, integratedOn, who), signCesa(entrepreneurId, integratedOn)];

export const exit = (entrepreneurId: string, exitedOn: string, reason: ExitReason = 'company_creation', endedContracts: ('cape' | 'cesa')[] = ['cesa']): DomainEvent =>
  events.entrepreneurExited({ entrepreneurId, exitedOn, reason, positive: POSITIVE_EXIT_REASONS.includes(reason), endedContracts });

export type Document = { number?: string; vatRate?: VatRate; kind?: ClientKind; sector?: string };

/** `exclVat` + `vat` at one rate: the amounts of a one-line document. */
const amounts = (description: string, exclVat: string, vat: string, vatRate: VatRate) => {
  const inclVat = formatMoney(money(exclVat).plus(vat));
  return {
    lines: [{ description, quantity: '1', unitPrice: exclVat, vatRate, totalExclVat: exclVat, vat, totalInclVat: inclVat }],
    totalExclVat: exclVat,
    totalVat: vat,
    totalInclVat: inclVat,
    vatBreakdown: [{ vatRate, baseExclVat: exclVat, vat }],
  };
};

/** One line of `exclVat` + `vat` to a company (unless said), invoice 2016-000001 unless numbered. */
export const invoice = (entrepreneurId: string, issuedOn: string, exclVat: string, vat: string, options: Document = {}): DomainEvent =>
  events.invoiceIssued({
    entrepreneurId,
    number: options.number ?? '2016-000001',
    issuedOn,
    dueOn: issuedOn,
    client: { name: 'Hôtel du Col', kind: options.kind ?? 'company' },
    ...amounts('Prestation', exclVat, vat, options.vatRate ?? '20'),
    sector: options.sector ?? 'Communication',
  });

/** A credit note of `exclVat` + `vat` at 20% on an invoice to a company (unless said) of an entrepreneur in Communication (unless said). */
export const creditNote = (entrepreneurId: string, invoiceNumber: string, issuedOn: string, exclVat: string, vat: string, options: Document & { refundOwed?: string } = {}): DomainEvent =>
  events.creditNoteIssued({
    entrepreneurId,
    number: options.number ?? '2016-000002',
    invoiceNumber,
    issuedOn,
    reason: 'Prestation non réalisée',
    ...amounts('Avoir', exclVat, vat, '20'),
    clientKind: options.kind ?? 'company',
    sector: options.sector ?? 'Communication',
    refundOwed: options.refundOwed ?? '0.00',
  });

/** A payment in full of an invoice at 20%: `amount` incl. VAT, `exclVat` of it revenue. */
export const payment = (entrepreneurId: string, invoiceNumber: string, paidOn: string, amount: string, exclVat: string): DomainEvent =>
  events.paymentRecorded({ entrepreneurId, invoiceNumber, paidOn, amount, amountExclVat: exclVat, vat: formatMoney(money(amount).minus(exclVat)), remainingDue: '0.00', fullyPaid: true });

/** The whole refund owed: `amount` incl. VAT, `exclVat` of it cash given back. */
export const refund = (entrepreneurId: string, invoiceNumber: string, refundedOn: string, amount: string, exclVat: string): DomainEvent =>
  events.refundRecorded({ entrepreneurId, invoiceNumber, refundedOn, amount, amountExclVat: exclVat, vat: formatMoney(money(amount).minus(exclVat)), remainingOwed: '0.00' });

/** `source`: whether the contributions are the payslip's or the CAE's rates (22% and 42% by default). */
export type Payslip = { employee: string; employer: string; paidOn?: string; hours?: string; source?: 'payslip' | 'rates' };

/** Paid on the 28th of its period, 35 hours, unless told. */
export const salary = (entrepreneurId: string, period: string, gross: string, { employee, employer, paidOn = `${period}-28`, hours = '35', source = 'payslip' }: Payslip): DomainEvent => {
  const employerCost = formatMoney(money(gross).plus(employer));
  const contributions = { employeeContributions: employee, employerContributions: employer, employerCost, contributionsSource: source };
  // treasuryBefore is not read by the statistics: the employer cost is the least a salary that was paid can have seen.
  return events.salaryPaid({ entrepreneurId, period, paidOn, gross, hours, ...contributions, treasuryBefore: employerCost });
};

export const meeting = (entrepreneurId: string, heldOn: string, kind: MeetingKind = 'individual', hours = '1.5'): DomainEvent => events.meetingRecorded({ entrepreneurId, heldOn, kind, hours });

const admitted = (associateId: string, admittedOn: string, shares: number, category: AssociateCategory, who: { entrepreneurId: string } | { person: { name: string } }): DomainEvent => ({
  type: 'AssociateAdmitted',
  data: { caeId: CAE, associateId, admittedOn, category, shares, nominalValue: NOMINAL, amount: formatMoney(money(NOMINAL).times(shares)), ...who },
});

export const admitEntrepreneur = (associateId: string, entrepreneurId: string, admittedOn: string, shares = 1): DomainEvent =>
  admitted(associateId, admittedOn, shares, 'entrepreneur', { entrepreneurId });

export const admit = (associateId: string, admittedOn: string, shares: number, category: Exclude<AssociateCategory, 'entrepreneur'> = 'external'): DomainEvent =>
  admitted(associateId, admittedOn, shares, category, { person: { name: 'Banque des Alpes' } });

export const redeem = (associateId: string, redeemedOn: string, shares: number, remainingShares: number): DomainEvent =>
  events.sharesRedeemed({ associateId, redeemedOn, shares, nominalValue: NOMINAL, amount: formatMoney(money(NOMINAL).times(shares)), remainingShares, leftAssociation: remainingShares === 0 });

export const subsidy = (receivedOn: string, amount: string): DomainEvent => events.subsidyRecorded({ receivedOn, funder: 'Région', amount });
export const informationSession = (heldOn: string, attendees: number): DomainEvent => events.informationSessionRecorded({ heldOn, attendees });
export const intakeInterview = (heldOn: string): DomainEvent => events.intakeInterviewRecorded({ heldOn });
export const forget = (personId: string, kind: PersonKind = 'entrepreneur'): DomainEvent => events.personForgotten({ kind, personId });
