import type { DomainEvent, EventDataByType, EventType } from '../../libs/domain';
import { commandExamples } from '../../libs/domain/src/validation/command-examples';

/**
 * Events of the example story (test/fixtures/commands.ts told as facts): Coodyssée in 2016, e-001 integrated,
 * under a CAPE then a CESA, invoicing 2016-000001 (4,500.00 + 900.00 VAT), paid in full, credited 500.00 + 100.00
 * and refunding it, paying an expense and a salary, becoming associate a-001, met, leaving. Amounts, dates and
 * deadlines are written as the deciders decide them. Each builder takes the fields a spec changes.
 */

const builder =
  <K extends EventType>(type: K, example: EventDataByType[K]) =>
  (changes: Partial<EventDataByType[K]> = {}): { type: K; data: EventDataByType[K] } => ({ type, data: { ...structuredClone(example), ...changes } });

const CAE = 'coodyssee';
const E1 = 'e-001';

export const caeRegistered = builder('CaeRegistered', {
  caeId: CAE,
  name: 'Coodyssée',
  legalForm: 'SARL_SCOP',
  region: "Provence-Alpes-Côte d'Azur",
  contribution: { rate: '0.12', base: 'revenue' },
  shareNominalValue: '25.00',
  payroll: { employeeRate: '0.22', employerRate: '0.42' },
});
export const informationSessionRecorded = builder('InformationSessionRecorded', { caeId: CAE, heldOn: '2016-01-05', attendees: 18 });
export const intakeInterviewRecorded = builder('IntakeInterviewRecorded', { caeId: CAE, heldOn: '2016-01-06' });
export const entrepreneurIntegrated = builder('EntrepreneurIntegrated', {
  caeId: CAE,
  entrepreneurId: E1,
  integratedOn: '2016-01-11',
  integration: 1,
  activity: { description: 'Graphisme et identité visuelle', sector: 'Communication' },
  profile: { firstName: 'Camille', lastName: 'Martin', gender: 'F', birthYear: 1984, postalCode: '05000', city: 'Gap', educationLevel: 'Bac+3', situationAtEntry: 'unemployed', parallelActivity: false },
});
export const capeSigned = builder('CapeSigned', { caeId: CAE, entrepreneurId: E1, signedOn: '2016-01-11', months: 6, endsOn: '2016-07-10', totalMonths: 6 });
export const capeRenewed = builder('CapeRenewed', {
  caeId: CAE,
  entrepreneurId: E1,
  renewedOn: '2016-07-01',
  months: 2,
  renewal: 1,
  previousEndsOn: '2016-07-10',
  endsOn: '2016-09-10',
  totalMonths: 8,
});
export const cesaSigned = builder('CesaSigned', { caeId: CAE, entrepreneurId: E1, signedOn: '2016-09-01', capeDays: 234, associateDeadline: '2019-01-10', trialPeriodEndsOn: '2016-09-09' });
export const clientRegistered = builder('ClientRegistered', {
  caeId: CAE,
  clientId: 'ville-de-briancon',
  registeredOn: '2016-09-01',
  client: {
    kind: 'public_body',
    name: 'Ville de Briançon',
    siren: '412345670',
    siret: '41234567000001',
    address: { line1: '1 rue Aspirant Jan', postalCode: '05100', city: 'Briançon', country: 'FR' },
    chorusServiceCode: 'SERVICE-COMMUNICATION',
  },
});
export const quoteIssued = builder('QuoteIssued', {
  caeId: CAE,
  entrepreneurId: E1,
  number: 'D2016-000001',
  issuedOn: '2016-09-02',
  validUntil: '2016-10-02',
  client: { kind: 'public_body', name: 'Mairie de Gap', postalCode: '05000' },
  lines: [{ description: 'Charte graphique', quantity: '1', unitPrice: '2500.00', vatRate: '20', totalExclVat: '2500.00', vat: '500.00', totalInclVat: '3000.00' }],
  totalExclVat: '2500.00',
  totalVat: '500.00',
  totalInclVat: '3000.00',
  vatBreakdown: [{ vatRate: '20', baseExclVat: '2500.00', vat: '500.00' }],
  operationCategory: 'services',
});
export const quoteAccepted = builder('QuoteAccepted', { caeId: CAE, entrepreneurId: E1, number: 'D2016-000001', acceptedOn: '2016-09-04' });
export const invoiceNumberAssigned = builder('InvoiceNumberAssigned', { caeId: CAE, number: '2016-000001', sequence: 1, document: 'invoice', issuedOn: '2016-09-05', entrepreneurId: E1 });
export const invoiceIssued = builder('InvoiceIssued', {
  caeId: CAE,
  entrepreneurId: E1,
  number: '2016-000001',
  issuedOn: '2016-09-05',
  dueOn: '2016-10-05',
  client: { kind: 'public_body', name: 'Mairie de Gap', postalCode: '05000' },
  lines: [
    { description: 'Charte graphique', quantity: '1', unitPrice: '1500.00', vatRate: '20', totalExclVat: '1500.00', vat: '300.00', totalInclVat: '1800.00' },
    { description: 'Journées de mise en page', quantity: '6', unitPrice: '500.00', vatRate: '20', totalExclVat: '3000.00', vat: '600.00', totalInclVat: '3600.00' },
  ],
  totalExclVat: '4500.00',
  totalVat: '900.00',
  totalInclVat: '5400.00',
  vatBreakdown: [{ vatRate: '20', baseExclVat: '4500.00', vat: '900.00' }],
  contract: 'cesa',
  sector: 'Communication',
});
export const paymentRecorded = builder('PaymentRecorded', {
  caeId: CAE,
  entrepreneurId: E1,
  invoiceNumber: '2016-000001',
  paidOn: '2016-09-20',
  amount: '5400.00',
  amountExclVat: '4500.00',
  vat: '900.00',
  remainingDue: '0.00',
  fullyPaid: true,
});
export const creditNoteIssued = builder('CreditNoteIssued', {
  caeId: CAE,
  entrepreneurId: E1,
  number: '2016-000002',
  invoiceNumber: '2016-000001',
  issuedOn: '2016-09-22',
  reason: 'Une journée de mise en page non réalisée',
  lines: [{ description: 'Journées de mise en page', quantity: '1', unitPrice: '500.00', vatRate: '20', totalExclVat: '500.00', vat: '100.00', totalInclVat: '600.00' }],
  totalExclVat: '500.00',
  totalVat: '100.00',
  totalInclVat: '600.00',
  vatBreakdown: [{ vatRate: '20', baseExclVat: '500.00', vat: '100.00' }],
  clientKind: 'public_body',
  sector: 'Communication',
  refundOwed: '600.00',
});
export const refundRecorded = builder('RefundRecorded', {
  caeId: CAE,
  entrepreneurId: E1,
  invoiceNumber: '2016-000001',
  refundedOn: '2016-09-22',
  amount: '600.00',
  amountExclVat: '500.00',
  vat: '100.00',
  remainingOwed: '0.00',
});
export const expenseRecorded = builder('ExpenseRecorded', {
  caeId: CAE,
  entrepreneurId: E1,
  incurredOn: '2016-09-23',
  category: 'Fournitures',
  amount: '120.00',
  vat: '24.00',
  description: 'Papier et encres',
});
export const salaryPaid = builder('SalaryPaid', {
  caeId: CAE,
  entrepreneurId: E1,
  period: '2016-09',
  paidOn: '2016-09-30',
  gross: '1000.00',
  hours: '80',
  employeeContributions: '220.00',
  employerContributions: '420.00',
  employerCost: '1420.00',
  contributionsSource: 'payslip',
  treasuryBefore: '3400.00',
});
export const associateAdmitted = builder('AssociateAdmitted', {
  caeId: CAE,
  associateId: 'a-001',
  admittedOn: '2016-11-15',
  category: 'entrepreneur',
  shares: 4,
  nominalValue: '25.00',
  amount: '100.00',
  entrepreneurId: E1,
});
export const sharesRedeemed = builder('SharesRedeemed', {
  caeId: CAE,
  associateId: 'a-001',
  redeemedOn: '2016-12-01',
  shares: 1,
  nominalValue: '25.00',
  amount: '25.00',
  remainingShares: 3,
  leftAssociation: false,
});
export const meetingRecorded = builder('MeetingRecorded', { caeId: CAE, entrepreneurId: E1, heldOn: '2016-12-05', kind: 'individual', hours: '1.5' });
export const entrepreneurExited = builder('EntrepreneurExited', { caeId: CAE, entrepreneurId: E1, exitedOn: '2016-12-30', reason: 'company_creation', positive: true, endedContracts: ['cesa'] });
export const subsidyRecorded = builder('SubsidyRecorded', { caeId: CAE, receivedOn: '2016-12-31', funder: 'Région Provence-Alpes-Côte d’Azur', amount: '35625.00' });
// An audit records what its report computed: the command's example is the event as recorded.
export const auditPerformed = builder('AuditPerformed', { ...commandExamples.RecordAudit, auditId: 'audit-1' });
export const personForgotten = builder('PersonForgotten', { caeId: CAE, kind: 'entrepreneur', personId: E1, forgottenOn: '2017-01-02' });

export const accessGranted = builder('AccessGranted', { caeId: CAE, accountId: 'acc-001', role: 'entrepreneur', entrepreneurId: E1, grantedOn: '2016-01-12' });
export const accessRevoked = builder('AccessRevoked', { caeId: CAE, accountId: 'acc-001', role: 'entrepreneur', entrepreneurId: E1, revokedOn: '2016-12-20', reason: 'request' });
export const networkRoleGranted = builder('NetworkRoleGranted', { accountId: 'acc-900', role: 'network_auditor', grantedOn: '2016-01-04' });
export const networkRoleRevoked = builder('NetworkRoleRevoked', { accountId: 'acc-900', role: 'network_auditor', revokedOn: '2016-12-31', reason: 'role_change' });

/** The whole example story, in log order. */
export const exampleStory = (): DomainEvent[] => [
  caeRegistered(),
  informationSessionRecorded(),
  intakeInterviewRecorded(),
  entrepreneurIntegrated(),
  capeSigned(),
  capeRenewed(),
  cesaSigned(),
  invoiceNumberAssigned(),
  invoiceIssued(),
  paymentRecorded(),
  invoiceNumberAssigned({ number: '2016-000002', sequence: 2, document: 'credit_note', issuedOn: '2016-09-22', invoiceNumber: '2016-000001' }),
  creditNoteIssued(),
  refundRecorded(),
  expenseRecorded(),
  salaryPaid(),
  associateAdmitted(),
  sharesRedeemed(),
  meetingRecorded(),
  entrepreneurExited(),
  subsidyRecorded(),
];

/** The example story up to and including the (last) event of that type. */
export const storyUpTo = (last: EventType): DomainEvent[] => {
  const story = exampleStory();
  return story.slice(0, story.map((e) => e.type).lastIndexOf(last) + 1);
};
