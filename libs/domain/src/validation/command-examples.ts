import type { CommandDataByType, CommandType } from '../commands';

/**
 * One valid, already normalised `data` per command type: the examples of the OpenAPI document. In this order
 * (which COMMAND_TYPES takes) they tell one coherent story for Coodyssée in 2016, so each is also accepted by the
 * domain: e-001 is integrated, signs and renews a CAPE, signs a CESA, invoices (first invoice of the year:
 * 2016-000001), is paid in full, credits a line and refunds it, pays an expense and a salary that the treasury
 * covers, becomes an associate, redeems a share, is met, leaves, and is finally forgotten; her account reads from the day
 * after her integration and is revoked before she leaves.
 */
export const commandExamples: { readonly [T in CommandType]: CommandDataByType[T] } = {
  RegisterCae: {
    caeId: 'coodyssee',
    name: 'Coodyssée',
    legalForm: 'SARL_SCOP',
    region: "Provence-Alpes-Côte d'Azur",
    contribution: { rate: '0.12', base: 'revenue' },
    shareNominalValue: '25.00',
    payroll: { employeeRate: '0.22', employerRate: '0.42' },
  },
  RecordCaeIdentity: {
    caeId: 'coodyssee',
    effectiveOn: '2016-01-01',
    legalName: 'Coodyssée SCOP SARL',
    siren: '812345676',
    siret: '81234567600009',
    rcsCity: 'Marseille',
    vatNumber: 'FR19812345676',
    address: { line1: '12 rue de la République', postalCode: '13001', city: 'Marseille', country: 'FR' },
    shareCapital: '15000.00',
    iban: 'FR7630006000011234567890189',
    bic: 'AGRIFRPP',
    email: 'contact@coodyssee.example',
  },
  RecordInformationSession: { caeId: 'coodyssee', heldOn: '2016-01-05', attendees: 18 },
  RecordIntakeInterview: { caeId: 'coodyssee', heldOn: '2016-01-06' },
  IntegrateEntrepreneur: {
    caeId: 'coodyssee',
    entrepreneurId: 'e-001',
    integratedOn: '2016-01-11',
    person: {
      firstName: 'Camille',
      lastName: 'Martin',
      gender: 'F',
      birthYear: 1984,
      postalCode: '05000',
      city: 'Gap',
      educationLevel: 'Bac+3',
    },
    activity: { description: 'Graphisme et identité visuelle', sector: 'Communication' },
    situationAtEntry: 'unemployed',
    parallelActivity: false,
  },
  // The network's auditor, who reads every CAE (a network role: in the network's scope, no CAE named).
  GrantNetworkRole: { accountId: 'acc-900', role: 'network_auditor', grantedOn: '2016-01-04' },
  // e-001's own account (an opaque id: the username stays in the credential store) from the day after her integration.
  GrantAccess: { caeId: 'coodyssee', accountId: 'acc-001', role: 'entrepreneur', entrepreneurId: 'e-001', grantedOn: '2016-01-12' },
  SignCape: { caeId: 'coodyssee', entrepreneurId: 'e-001', signedOn: '2016-01-11', months: 6 },
  RenewCape: { caeId: 'coodyssee', entrepreneurId: 'e-001', renewedOn: '2016-07-01', months: 2 },
  SignCesa: { caeId: 'coodyssee', entrepreneurId: 'e-001', signedOn: '2016-09-01' },
  // Told early of her associate deadline (2019-01-10): a notice is recorded whenever it is given, the audit judges its date.
  RecordAssociateDeadlineNotice: { caeId: 'coodyssee', entrepreneurId: 'e-001', notifiedOn: '2016-09-02', notice: 'six_months' },
  RegisterClient: {
    caeId: 'coodyssee',
    clientId: 'ville-de-briancon',
    registeredOn: '2016-09-01',
    name: 'Ville de Briançon',
    kind: 'public_body',
    siren: '412345670',
    siret: '41234567000001',
    address: { line1: '1 rue Aspirant Jan', postalCode: '05100', city: 'Briançon', country: 'FR' },
    chorusServiceCode: 'SERVICE-COMMUNICATION',
  },
  // The Mairie declines a first quote, then accepts a revised one (EXAMPLE_PRELUDES: D2016-000002).
  IssueQuote: {
    caeId: 'coodyssee',
    entrepreneurId: 'e-001',
    issuedOn: '2016-09-02',
    validUntil: '2016-10-02',
    client: { name: 'Mairie de Gap', kind: 'public_body', postalCode: '05000' },
    lines: [{ description: 'Charte graphique', quantity: '1', unitPrice: '2500.00', vatRate: '20' }],
    operationCategory: 'services',
  },
  DeclineQuote: { caeId: 'coodyssee', quoteNumber: 'D2016-000001', declinedOn: '2016-09-03', reason: 'Au-delà du budget voté' },
  AcceptQuote: { caeId: 'coodyssee', quoteNumber: 'D2016-000002', acceptedOn: '2016-09-04' },
  IssueInvoice: {
    caeId: 'coodyssee',
    entrepreneurId: 'e-001',
    issuedOn: '2016-09-05',
    dueOn: '2016-10-05',
    client: { name: 'Mairie de Gap', kind: 'public_body', postalCode: '05000' },
    lines: [
      { description: 'Charte graphique', quantity: '1', unitPrice: '1500.00', vatRate: '20' },
      { description: 'Journées de mise en page', quantity: '6', unitPrice: '500.00', vatRate: '20' },
    ],
  },
  // The invoice is 4,500.00 excl. VAT, 5,400.00 incl. VAT; the Mairie's platform took it over.
  RecordPlatformStatus: { caeId: 'coodyssee', invoiceNumber: '2016-000001', status: 'taken_over', on: '2016-09-06', platform: 'Chorus Pro', platformReference: 'CPP-2016-0042' },
  RecordPayment: { caeId: 'coodyssee', invoiceNumber: '2016-000001', paidOn: '2016-09-20', amount: '5400.00' },
  IssueCreditNote: {
    caeId: 'coodyssee',
    invoiceNumber: '2016-000001',
    issuedOn: '2016-09-22',
    reason: 'Une journée de mise en page non réalisée',
    lines: [{ description: 'Journées de mise en page', quantity: '1', unitPrice: '500.00', vatRate: '20' }],
  },
  // Credited after full payment: the client is owed 600.00 back (500.00 excl. VAT).
  RecordRefund: { caeId: 'coodyssee', invoiceNumber: '2016-000001', refundedOn: '2016-09-22', amount: '600.00' },
  RecordExpense: {
    caeId: 'coodyssee',
    entrepreneurId: 'e-001',
    incurredOn: '2016-09-23',
    category: 'Fournitures',
    amount: '120.00',
    vat: '24.00',
    description: 'Papier et encres',
  },
  // Treasury: 4,500.00 received − 500.00 refunded excl. VAT − 480.00 contribution − 120.00 expense = 3,400.00 ≥ 1,420.00 cost.
  PaySalary: {
    caeId: 'coodyssee',
    entrepreneurId: 'e-001',
    period: '2016-09',
    paidOn: '2016-09-30',
    gross: '1000.00',
    hours: '80',
    employeeContributions: '220.00',
    employerContributions: '420.00',
  },
  AdmitAssociate: {
    caeId: 'coodyssee',
    associateId: 'a-001',
    admittedOn: '2016-11-15',
    shares: 4,
    category: 'entrepreneur',
    entrepreneurId: 'e-001',
  },
  RedeemShares: { caeId: 'coodyssee', associateId: 'a-001', redeemedOn: '2016-12-01', shares: 1 },
  RecordMeeting: { caeId: 'coodyssee', entrepreneurId: 'e-001', heldOn: '2016-12-05', kind: 'individual', hours: '1.5' },
  RevokeAccess: { caeId: 'coodyssee', accountId: 'acc-001', role: 'entrepreneur', entrepreneurId: 'e-001', revokedOn: '2016-12-20', reason: 'request' },
  ExitEntrepreneur: { caeId: 'coodyssee', entrepreneurId: 'e-001', exitedOn: '2016-12-30', reason: 'company_creation' },
  RevokeNetworkRole: { accountId: 'acc-900', role: 'network_auditor', revokedOn: '2016-12-31', reason: 'role_change' },
  RecordSubsidy: { caeId: 'coodyssee', receivedOn: '2016-12-31', funder: 'Région Provence-Alpes-Côte d’Azur', amount: '35625.00' },
  RecordSelfAssessment: { caeId: 'coodyssee', criterionId: 'ACCOMPANIMENT_PROGRAMME_ADOPTED', answer: 'met', evidence: 'Procès-verbal de l’AG du 2016-06-20, résolution 4', assessedOn: '2016-12-31' },
  RecordAudit: {
    caeId: 'coodyssee',
    auditId: 'audit-2017-01-15',
    asOf: '2016-12-31',
    chainHead: { position: 42, hash: 'a'.repeat(64) },
    catalogue: { version: 1, hash: 'b'.repeat(64) },
    score: { mandatory: { met: 15, total: 16 }, recommended: { met: 2, total: 2 }, labelEligible: false },
    failingMandatory: ['INTERVIEWS_TWICE_A_YEAR'],
    reportHash: 'c'.repeat(64),
    auditor: 'acc-auditor',
    performedAt: '2017-01-15T09:30:00.000Z',
    performedOn: '2017-01-15',
  },
  ForgetPerson: { caeId: 'coodyssee', kind: 'entrepreneur', personId: 'e-001' },
};

/** What a command's example needs sent just before it, beyond the examples before it: the revised quote accepted. */
export const EXAMPLE_PRELUDES: { readonly [T in CommandType]?: readonly { type: CommandType; data: CommandDataByType[CommandType] }[] } = {
  AcceptQuote: [
    {
      type: 'IssueQuote',
      data: { ...commandExamples.IssueQuote, issuedOn: '2016-09-03', lines: [{ description: 'Charte graphique', quantity: '1', unitPrice: '1500.00', vatRate: '20' }] },
    },
  ],
};
