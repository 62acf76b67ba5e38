import { openInMemory, type Runtime } from '../../../libs/application';
import type { AssociateCategory, ClientKind, ExitReason, Gender, MeetingKind, PersonKind, SituationAtEntry, VatRate } from '../../../libs/domain';
import { eventsOf, MemoryDocs, type Envelope } from '../../testing/harness';
import { networkStatistics } from '../projection';
import { caeStatistics, type Statistics } from '../queries';

/**
 * Commands for the statistics specs, with the defaults of a plain Coodyssée story (12% of revenue, shares of
 * 25.00). Every builder writes to `coodyssee`; `inCae` moves a whole story to another CAE.
 */
export const CAE = 'coodyssee';

const command = (type: string, data: Record<string, unknown>): Envelope => ({ type, data: { caeId: CAE, ...data } });

export const inCae = (caeId: string, envelopes: Envelope[]): Envelope[] => envelopes.map((e) => ({ ...e, data: { ...e.data, caeId } }));

export const registerCae = (contributionRate = '0.12'): Envelope =>
  command('RegisterCae', {
    name: 'Coodyssée',
    legalForm: 'SARL_SCOP',
    region: "Provence-Alpes-Côte d'Azur",
    contribution: { rate: contributionRate, base: 'revenue' },
    shareNominalValue: '25.00',
  });

export interface Someone {
  gender?: Gender;
  birthYear?: number;
  situationAtEntry?: SituationAtEntry;
  parallelActivity?: boolean;
  sector?: string;
}

export const integrate = (entrepreneurId: string, integratedOn: string, who: Someone = {}): Envelope =>
  command('IntegrateEntrepreneur', {
    entrepreneurId,
    integratedOn,
    person: { firstName: 'Camille', lastName: 'Martin', gender: who.gender ?? 'F', birthYear: who.birthYear ?? 1984 },
    activity: { description: 'Activité', sector: who.sector ?? 'Communication' },
    situationAtEntry: who.situationAtEntry ?? 'unemployed',
    parallelActivity: who.parallelActivity ?? false,
  });

export const signCape = (entrepreneurId: string, signedOn: string, months: number): Envelope => command('SignCape', { entrepreneurId, signedOn, months });
export const renewCape = (entrepreneurId: string, renewedOn: string, months: number): Envelope =>
  command('RenewCape', { entrepreneurId, renewedOn, months });
export const signCesa = (entrepreneurId: string, signedOn: string): Envelope => command('SignCesa', { entrepreneurId, signedOn });

/** An entrepreneur salarié from their first day. */
export const salaried = (entrepreneurId: string, integratedOn: string, who: Someone = {}): Envelope[] => [
  integrate(entrepreneurId, integratedOn, who),
  signCesa(entrepreneurId, integratedOn),
];

export const exit = (entrepreneurId: string, exitedOn: string, reason: ExitReason = 'company_creation'): Envelope =>
  command('ExitEntrepreneur', { entrepreneurId, exitedOn, reason });

export const invoice = (entrepreneurId: string, issuedOn: string, amount: string, options: { vatRate?: VatRate; kind?: ClientKind } = {}): Envelope =>
  command('IssueInvoice', {
    entrepreneurId,
    issuedOn,
    client: { name: 'Hôtel du Col', kind: options.kind ?? 'company' },
    lines: [{ description: 'Prestation', quantity: '1', unitPrice: amount, vatRate: options.vatRate ?? '20' }],
  });

/** Without an amount: cancels what remains of the invoice. */
export const creditNote = (invoiceNumber: string, issuedOn: string, amount?: string): Envelope =>
  command('IssueCreditNote', {
    invoiceNumber,
    issuedOn,
    reason: 'Prestation non réalisée',
    ...(amount ? { lines: [{ description: 'Avoir', quantity: '1', unitPrice: amount, vatRate: '20' }] } : {}),
  });

export const payment = (invoiceNumber: string, paidOn: string, amount: string): Envelope => command('RecordPayment', { invoiceNumber, paidOn, amount });

export const refund = (invoiceNumber: string, refundedOn: string, amount: string): Envelope => command('RecordRefund', { invoiceNumber, refundedOn, amount });

export interface Payslip {
  paidOn?: string;
  hours?: string;
  employee?: string;
  employer?: string;
}

/** Paid on the 28th of its period unless told; contributions at the CAE's rates unless the payslip gives them. */
export const salary = (entrepreneurId: string, period: string, gross: string, payslip: Payslip = {}): Envelope =>
  command('PaySalary', {
    entrepreneurId,
    period,
    paidOn: payslip.paidOn ?? `${period}-28`,
    gross,
    hours: payslip.hours ?? '35',
    ...(payslip.employee ? { employeeContributions: payslip.employee } : {}),
    ...(payslip.employer ? { employerContributions: payslip.employer } : {}),
  });

export const meeting = (entrepreneurId: string, heldOn: string, kind: MeetingKind = 'individual', hours = '1.5'): Envelope =>
  command('RecordMeeting', { entrepreneurId, heldOn, kind, hours });

export const admitEntrepreneur = (associateId: string, entrepreneurId: string, admittedOn: string, shares = 1): Envelope =>
  command('AdmitAssociate', { associateId, admittedOn, shares, category: 'entrepreneur', entrepreneurId });

export const admit = (associateId: string, admittedOn: string, shares: number, category: Exclude<AssociateCategory, 'entrepreneur'> = 'external'): Envelope =>
  command('AdmitAssociate', { associateId, admittedOn, shares, category, person: { name: 'Banque des Alpes' } });

export const redeem = (associateId: string, redeemedOn: string, shares: number): Envelope => command('RedeemShares', { associateId, redeemedOn, shares });

export const subsidy = (receivedOn: string, amount: string): Envelope => command('RecordSubsidy', { receivedOn, funder: 'Région', amount });
export const informationSession = (heldOn: string, attendees: number): Envelope => command('RecordInformationSession', { heldOn, attendees });
export const intakeInterview = (heldOn: string): Envelope => command('RecordIntakeInterview', { heldOn });
export const forget = (personId: string, kind: PersonKind = 'entrepreneur'): Envelope => command('ForgetPerson', { kind, personId });

/** The read models after the story, built by the projection as the projector would. */
export const project = async (envelopes: Envelope[], runtime: Runtime = openInMemory()): Promise<MemoryDocs> =>
  new MemoryDocs().run(networkStatistics, await eventsOf(envelopes, runtime));

/** Coodyssée's statistics for the year after the story (it must be registered). */
export const statistics = async (envelopes: Envelope[], year = 2016): Promise<Statistics> => {
  const result = await caeStatistics(await project(envelopes), CAE, year);
  if (!result) throw new Error(`${CAE} is not registered in the story`);
  return result;
};
