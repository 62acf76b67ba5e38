import type { AdmitAssociate, Command, ExitReason, InvoiceLine, IntegrateEntrepreneur, IsoDate, IssueInvoice, PaySalary, PersonKind, RecordExpense, RegisterCae, RegisterClient, SignCesa, YearMonth } from '../commands';

/** Commands with the defaults of a plain Coodyssée story, for the specs' histories. */

export const CAE = 'coodyssee';
export const CAE_NAME = 'Coodyssée';

/** Coodyssée: SARL SCOP, contribution 12% of revenue excl. VAT, shares of 25.00, default payroll rates. */
export const registerCae = (data: Partial<RegisterCae> = {}): Command => ({
  type: 'RegisterCae',
  data: {
    caeId: CAE,
    name: CAE_NAME,
    legalForm: 'SARL_SCOP',
    region: "Provence-Alpes-Côte d'Azur",
    contribution: { rate: '0.12', base: 'revenue' },
    shareNominalValue: '25.00',
    ...data,
  },
});

export const integrate = (entrepreneurId: string, integratedOn: IsoDate, data: Partial<IntegrateEntrepreneur> = {}): Command => ({
  type: 'IntegrateEntrepreneur',
  data: {
    caeId: CAE,
    entrepreneurId,
    integratedOn,
    person: { firstName: 'Camille', lastName: 'Martin', gender: 'F', birthYear: 1984, postalCode: '05000', city: 'Gap' },
    activity: { description: 'Graphisme', sector: 'Communication' },
    situationAtEntry: 'unemployed',
    parallelActivity: false,
    ...data,
  },
});

export const signCape = (entrepreneurId: string, signedOn: IsoDate, months: number): Command => ({
  type: 'SignCape',
  data: { caeId: CAE, entrepreneurId, signedOn, months },
});

export const renewCape = (entrepreneurId: string, renewedOn: IsoDate, months: number): Command => ({
  type: 'RenewCape',
  data: { caeId: CAE, entrepreneurId, renewedOn, months },
});

export const signCesa = (entrepreneurId: string, signedOn: IsoDate, data: Partial<SignCesa> = {}): Command => ({
  type: 'SignCesa',
  data: { caeId: CAE, entrepreneurId, signedOn, ...data },
});

export const line = (quantity: string, unitPrice: string, vatRate: InvoiceLine['vatRate'] = '20', description = 'Prestation'): InvoiceLine => ({
  description,
  quantity,
  unitPrice,
  vatRate,
});

/** By default: one line of 1,000.00 excl. VAT at 20% to a company (1,200.00 incl. VAT). */
export const issueInvoice = (entrepreneurId: string, issuedOn: IsoDate, data: Partial<IssueInvoice> = {}): Command => ({
  type: 'IssueInvoice',
  data: {
    caeId: CAE,
    entrepreneurId,
    issuedOn,
    client: { name: 'Hôtel du Col', kind: 'company', postalCode: '05000' },
    lines: [line('1', '1000.00')],
    ...data,
  },
});

/** The Hôtel du Col in the directory, a French company with its SIREN and address. */
export const registerClient = (clientId: string, data: Partial<RegisterClient> = {}): Command => ({
  type: 'RegisterClient',
  data: {
    caeId: CAE,
    clientId,
    registeredOn: '2026-09-01',
    name: 'Hôtel du Col',
    kind: 'company',
    siren: '501234561',
    address: { line1: 'Col du Lautaret', postalCode: '05480', city: 'Villar-d’Arêne' },
    ...data,
  } as RegisterClient,
});

/** Coodyssée's legal identity, in force from `effectiveOn`. */
export const recordCaeIdentity = (effectiveOn: IsoDate): Command => ({
  type: 'RecordCaeIdentity',
  data: {
    caeId: CAE,
    effectiveOn,
    legalName: 'Coodyssée SCOP SARL',
    siren: '812345676',
    siret: '81234567600009',
    rcsCity: 'Marseille',
    vatNumber: 'FR19812345676',
    address: { line1: '12 rue de la République', postalCode: '13001', city: 'Marseille' },
  },
});

export const recordPayment = (invoiceNumber: string, paidOn: IsoDate, amount: string): Command => ({
  type: 'RecordPayment',
  data: { caeId: CAE, invoiceNumber, paidOn, amount },
});

export const recordRefund = (invoiceNumber: string, refundedOn: IsoDate, amount: string): Command => ({
  type: 'RecordRefund',
  data: { caeId: CAE, invoiceNumber, refundedOn, amount },
});

export const issueCreditNote = (invoiceNumber: string, issuedOn: IsoDate, lines?: InvoiceLine[]): Command => ({
  type: 'IssueCreditNote',
  data: { caeId: CAE, invoiceNumber, issuedOn, reason: 'Prestation non réalisée', ...(lines ? { lines } : {}) },
});

export const recordExpense = (entrepreneurId: string, incurredOn: IsoDate, amount: string, data: Partial<RecordExpense> = {}): Command => ({
  type: 'RecordExpense',
  data: { caeId: CAE, entrepreneurId, incurredOn, category: 'Fournitures', amount, vat: '0.00', description: 'Papier', ...data },
});

export const paySalary = (entrepreneurId: string, period: YearMonth, paidOn: IsoDate, gross: string, data: Partial<PaySalary> = {}): Command => ({
  type: 'PaySalary',
  data: { caeId: CAE, entrepreneurId, period, paidOn, gross, hours: '35', ...data },
});

export const recordMeeting = (entrepreneurId: string, heldOn: IsoDate): Command => ({
  type: 'RecordMeeting',
  data: { caeId: CAE, entrepreneurId, heldOn, kind: 'individual', hours: '1.5' },
});

export const exitEntrepreneur = (entrepreneurId: string, exitedOn: IsoDate, reason: ExitReason = 'company_creation'): Command => ({
  type: 'ExitEntrepreneur',
  data: { caeId: CAE, entrepreneurId, exitedOn, reason },
});

/** By default an external associate (a person or body outside the CAE). */
export const admitAssociate = (associateId: string, admittedOn: IsoDate, shares: number, data: Partial<AdmitAssociate> = {}): Command => ({
  type: 'AdmitAssociate',
  data: { caeId: CAE, associateId, admittedOn, shares, category: 'external', person: { name: 'Banque des Alpes' }, ...data },
});

/** An entrepreneur salarié becoming an associate (ESA). */
export const admitEntrepreneur = (associateId: string, entrepreneurId: string, admittedOn: IsoDate, shares = 1): Command => ({
  type: 'AdmitAssociate',
  data: { caeId: CAE, associateId, admittedOn, shares, category: 'entrepreneur', entrepreneurId },
});

export const forget = (kind: PersonKind, personId: string): Command => ({ type: 'ForgetPerson', data: { caeId: CAE, kind, personId } });

export const redeemShares = (associateId: string, redeemedOn: IsoDate, shares: number): Command => ({
  type: 'RedeemShares',
  data: { caeId: CAE, associateId, redeemedOn, shares },
});

