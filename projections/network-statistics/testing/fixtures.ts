import {
  addMonths,
  formatMoney,
  money,
  POSITIVE_EXIT_REASONS,
  type AssociateCategory,
  type ClientKind,
  type DomainEvent,
  type ExitReason,
  type Gender,
  type MeetingKind,
  type PersonKind,
  type SituationAtEntry,
  type VatRate,
} from '../../../libs/domain';
import { logOf } from '../../testing/log';
import { MemoryDocs } from '../../testing/memory-docs';
import { networkStatistics } from '../projection';
import { caeStatistics, type Statistics } from '../queries';

/**
 * Events for the statistics specs, in a plain Coodyssée story (12% of revenue, shares of 25.00), written as the
 * deciders decide them (contract ends, totals, contributions are given by the spec). Every builder writes to
 * `coodyssee`; `inCae` moves a whole story to another CAE.
 */
export const CAE = 'coodyssee';
const NOMINAL = '25.00';

export const inCae = (caeId: string, events: DomainEvent[]): DomainEvent[] => events.map((e) => ({ ...e, data: { ...e.data, caeId } }) as DomainEvent);

export const registerCae = (contributionRate = '0.12'): DomainEvent => ({
  type: 'CaeRegistered',
  data: {
    caeId: CAE,
    name: 'Coodyssée',
    legalForm: 'SARL_SCOP',
    region: "Provence-Alpes-Côte d'Azur",
    contribution: { rate: contributionRate, base: 'revenue' },
    shareNominalValue: NOMINAL,
    payroll: { employeeRate: '0.22', employerRate: '0.42' },
  },
});

export interface Someone {
  gender?: Gender;
  birthYear?: number;
  situationAtEntry?: SituationAtEntry;
  parallelActivity?: boolean;
  sector?: string;
  /** 2 for a return after an exit. */
  integration?: number;
}

export const integrate = (entrepreneurId: string, integratedOn: string, who: Someone = {}): DomainEvent => ({
  type: 'EntrepreneurIntegrated',
  data: {
    caeId: CAE,
    entrepreneurId,
    integratedOn,
    integration: who.integration ?? 1,
    activity: { description: 'Activité', sector: who.sector ?? 'Communication' },
    profile: {
      firstName: 'Camille',
      lastName: 'Martin',
      gender: who.gender ?? 'F',
      birthYear: who.birthYear ?? 1984,
      situationAtEntry: who.situationAtEntry ?? 'unemployed',
      parallelActivity: who.parallelActivity ?? false,
    },
  },
});

export const signCape = (entrepreneurId: string, signedOn: string, months: number, endsOn: string): DomainEvent => ({
  type: 'CapeSigned',
  data: { caeId: CAE, entrepreneurId, signedOn, months, endsOn, totalMonths: months },
});

export const renewCape = (entrepreneurId: string, renewedOn: string, months: number, previousEndsOn: string, endsOn: string): DomainEvent => ({
  type: 'CapeRenewed',
  data: { caeId: CAE, entrepreneurId, renewedOn, months, renewal: 1, previousEndsOn, endsOn, totalMonths: 12 + months },
});

/** A CESA with no CAPE time before it: the associate deadline 3 years on, the trial period 8 months on (L7331-3). */
export const signCesa = (entrepreneurId: string, signedOn: string): DomainEvent => ({
  type: 'CesaSigned',
  data: { caeId: CAE, entrepreneurId, signedOn, capeDays: 0, associateDeadline: addMonths(signedOn, 36), trialPeriodEndsOn: addMonths(signedOn, 8) },
});

/** An entrepreneur salarié from their first day. */
export const salaried = (entrepreneurId: string, integratedOn: string, who: Someone = {}): DomainEvent[] => [integrate(entrepreneurId, integratedOn, who), signCesa(entrepreneurId, integratedOn)];

export const exit = (entrepreneurId: string, exitedOn: string, reason: ExitReason = 'company_creation', endedContracts: ('cape' | 'cesa')[] = ['cesa']): DomainEvent => ({
  type: 'EntrepreneurExited',
  data: { caeId: CAE, entrepreneurId, exitedOn, reason, positive: POSITIVE_EXIT_REASONS.includes(reason), endedContracts },
});

export interface Document {
  number?: string;
  vatRate?: VatRate;
  kind?: ClientKind;
  sector?: string;
}

/** One line of `exclVat` + `vat` to a company (unless said), invoice 2016-000001 unless numbered. */
export const invoice = (entrepreneurId: string, issuedOn: string, exclVat: string, vat: string, options: Document = {}): DomainEvent => {
  const vatRate = options.vatRate ?? '20';
  const inclVat = formatMoney(money(exclVat).plus(vat));
  return {
    type: 'InvoiceIssued',
    data: {
      caeId: CAE,
      entrepreneurId,
      number: options.number ?? '2016-000001',
      issuedOn,
      dueOn: issuedOn,
      client: { name: 'Hôtel du Col', kind: options.kind ?? 'company' },
      lines: [{ description: 'Prestation', quantity: '1', unitPrice: exclVat, vatRate, totalExclVat: exclVat, vat, totalInclVat: inclVat }],
      totalExclVat: exclVat,
      totalVat: vat,
      totalInclVat: inclVat,
      vatBreakdown: [{ vatRate, baseExclVat: exclVat, vat }],
      contract: 'cesa',
      sector: options.sector ?? 'Communication',
    },
  };
};

/** A credit note of `exclVat` + `vat` on an invoice to a company (unless said) of an entrepreneur in Communication (unless said). */
export const creditNote = (entrepreneurId: string, invoiceNumber: string, issuedOn: string, exclVat: string, vat: string, options: Document & { refundOwed?: string } = {}): DomainEvent => {
  const inclVat = formatMoney(money(exclVat).plus(vat));
  return {
    type: 'CreditNoteIssued',
    data: {
      caeId: CAE,
      entrepreneurId,
      number: options.number ?? '2016-000002',
      invoiceNumber,
      issuedOn,
      reason: 'Prestation non réalisée',
      lines: [{ description: 'Avoir', quantity: '1', unitPrice: exclVat, vatRate: '20', totalExclVat: exclVat, vat, totalInclVat: inclVat }],
      totalExclVat: exclVat,
      totalVat: vat,
      totalInclVat: inclVat,
      vatBreakdown: [{ vatRate: '20', baseExclVat: exclVat, vat }],
      clientKind: options.kind ?? 'company',
      sector: options.sector ?? 'Communication',
      refundOwed: options.refundOwed ?? '0.00',
    },
  };
};

/** A payment in full of an invoice at 20%: `amount` incl. VAT, `exclVat` of it revenue. */
export const payment = (entrepreneurId: string, invoiceNumber: string, paidOn: string, amount: string, exclVat: string): DomainEvent => ({
  type: 'PaymentRecorded',
  data: { caeId: CAE, entrepreneurId, invoiceNumber, paidOn, amount, amountExclVat: exclVat, vat: formatMoney(money(amount).minus(exclVat)), remainingDue: '0.00', fullyPaid: true },
});

/** The whole refund owed: `amount` incl. VAT, `exclVat` of it cash given back. */
export const refund = (entrepreneurId: string, invoiceNumber: string, refundedOn: string, amount: string, exclVat: string): DomainEvent => ({
  type: 'RefundRecorded',
  data: { caeId: CAE, entrepreneurId, invoiceNumber, refundedOn, amount, amountExclVat: exclVat, vat: formatMoney(money(amount).minus(exclVat)), remainingOwed: '0.00' },
});

export interface Payslip {
  employee: string;
  employer: string;
  paidOn?: string;
  hours?: string;
  /** Whether the contributions are the payslip's or the CAE's rates (22% and 42% by default). */
  source?: 'payslip' | 'rates';
}

/** Paid on the 28th of its period unless told. */
export const salary = (entrepreneurId: string, period: string, gross: string, payslip: Payslip): DomainEvent => {
  const employerCost = formatMoney(money(gross).plus(payslip.employer));
  return {
    type: 'SalaryPaid',
    data: {
      caeId: CAE,
      entrepreneurId,
      period,
      paidOn: payslip.paidOn ?? `${period}-28`,
      gross,
      hours: payslip.hours ?? '35',
      employeeContributions: payslip.employee,
      employerContributions: payslip.employer,
      employerCost,
      contributionsSource: payslip.source ?? 'payslip',
      // Not read by the statistics: the least a salary that was paid can have seen.
      treasuryBefore: employerCost,
    },
  };
};

export const meeting = (entrepreneurId: string, heldOn: string, kind: MeetingKind = 'individual', hours = '1.5'): DomainEvent => ({
  type: 'MeetingRecorded',
  data: { caeId: CAE, entrepreneurId, heldOn, kind, hours },
});

const admitted = (associateId: string, admittedOn: string, shares: number, category: AssociateCategory, who: { entrepreneurId?: string; person?: { name: string } }): DomainEvent => ({
  type: 'AssociateAdmitted',
  data: { caeId: CAE, associateId, admittedOn, category, shares, nominalValue: NOMINAL, amount: formatMoney(money(NOMINAL).times(shares)), ...who },
});

export const admitEntrepreneur = (associateId: string, entrepreneurId: string, admittedOn: string, shares = 1): DomainEvent =>
  admitted(associateId, admittedOn, shares, 'entrepreneur', { entrepreneurId });

export const admit = (associateId: string, admittedOn: string, shares: number, category: Exclude<AssociateCategory, 'entrepreneur'> = 'external'): DomainEvent =>
  admitted(associateId, admittedOn, shares, category, { person: { name: 'Banque des Alpes' } });

export const redeem = (associateId: string, redeemedOn: string, shares: number, remainingShares: number): DomainEvent => ({
  type: 'SharesRedeemed',
  data: { caeId: CAE, associateId, redeemedOn, shares, nominalValue: NOMINAL, amount: formatMoney(money(NOMINAL).times(shares)), remainingShares, leftAssociation: remainingShares === 0 },
});

export const subsidy = (receivedOn: string, amount: string): DomainEvent => ({ type: 'SubsidyRecorded', data: { caeId: CAE, receivedOn, funder: 'Région', amount } });
export const informationSession = (heldOn: string, attendees: number): DomainEvent => ({ type: 'InformationSessionRecorded', data: { caeId: CAE, heldOn, attendees } });
export const intakeInterview = (heldOn: string): DomainEvent => ({ type: 'IntakeInterviewRecorded', data: { caeId: CAE, heldOn } });
export const forget = (personId: string, kind: PersonKind = 'entrepreneur'): DomainEvent => ({ type: 'PersonForgotten', data: { caeId: CAE, kind, personId, forgottenOn: '2017-01-02' } });

/** The read models after the events, built by the projection as the projector would. */
export const project = (events: DomainEvent[]): MemoryDocs => new MemoryDocs().run(networkStatistics, logOf(events));

/** Coodyssée's statistics for the year after the events (it must be registered). */
export const statistics = async (events: DomainEvent[], year = 2016): Promise<Statistics> => {
  const result = await caeStatistics(project(events), CAE, year);
  if (!result) throw new Error(`${CAE} is not registered in the story`);
  return result;
};
