import type { CaeIdentityRecorded, InvoiceIssued } from '../../domain';
import { exampleData } from '../../../test/fixtures/commands';
import { invoiceIssued } from '../../../projections/testing/events';
import type { DocumentFacts } from '../../../projections/invoice-documents/queries';
import { ciiXml, facturX } from './factur-x';
import { en16931, SellerIdentityMissing } from './en16931';
import { euros, frenchDay, frenchDecimal } from './french';
import { mentionsOf } from './mentions';

const identity: CaeIdentityRecorded = exampleData('RecordCaeIdentity');

// A business client's invoice of 2026, with its category of operation and the legal terms.
const invoice: InvoiceIssued = invoiceIssued({
  number: '2026-000007',
  issuedOn: '2026-10-01',
  dueOn: '2026-10-31',
  client: { kind: 'company', name: 'Atelier Durance', siren: '512345679', address: { line1: '3 quai Nord', postalCode: '05000', city: 'Gap' } },
  operationCategory: 'services',
  businessTerms: { latePenaltyRate: null, recoveryFee: '40.00' },
}).data;

const facts: DocumentFacts = { kind: 'invoice', seller: { name: 'Coodyssée', legalForm: 'SARL_SCOP', identity }, invoice };
const ubl = (f: DocumentFacts) => (en16931(f) as unknown as { 'ubl:Invoice': Record<string, unknown> })['ubl:Invoice'];

describe('French figures', () => {
  it('writes amounts from their decimal strings, grouped by thousands with a comma', () => {
    expect([euros('1234567.05'), euros('0.50'), euros('-40.00'), frenchDecimal('5.5')]).toEqual(['1\u00a0234\u00a0567,05\u00a0€', '0,50\u00a0€', '-40,00\u00a0€', '5,5']);
    expect(frenchDay('2026-10-01')).toBe('01/10/2026');
  });
});

describe('the EN 16931 document of an invoice', () => {
  it('carries the seller by its SIREN and VAT number, the buyer by its SIREN, the amounts as issued', () => {
    const doc = ubl(facts);
    expect(doc['cbc:InvoiceTypeCode']).toBe('380');
    expect(JSON.stringify(doc['cac:AccountingSupplierParty'])).toContain('"cbc:CompanyID":"812345676"');
    expect(JSON.stringify(doc['cac:AccountingCustomerParty'])).toContain('"cbc:EndpointID":"512345679"');
    expect(doc['cac:LegalMonetaryTotal']).toMatchObject({ 'cbc:TaxExclusiveAmount': '4500.00', 'cbc:PayableAmount': '5400.00' });
    expect(doc['cac:PaymentMeans']).toEqual([{ 'cbc:PaymentMeansCode': '58', 'cac:PayeeFinancialAccount': { 'cbc:ID': identity.iban, 'cac:FinancialInstitutionBranch': { 'cbc:ID': identity.bic } } }]);
  });

  it('says the business terms with their subject codes, and the category of operation', () => {
    expect(mentionsOf(facts).map((m) => m.code ?? m.text)).toEqual(["Catégorie de l'opération : prestation de services", 'PMD', 'PMT', 'AAB']);
    expect(mentionsOf(facts)[2]!.text).toBe('Indemnité forfaitaire pour frais de recouvrement : 40,00\u00a0€');
  });

  it('makes a credit note a 381 naming its invoice, and keeps the invoice terms', () => {
    const credit: DocumentFacts = { ...facts, kind: 'credit_note', creditNote: { ...invoice, number: '2026-000008', invoiceNumber: '2026-000007', issuedOn: '2026-10-03', reason: 'Une maquette de moins', clientKind: 'company', refundOwed: '0.00' } };
    expect(ubl(credit)['cbc:InvoiceTypeCode']).toBe('381');
    expect(mentionsOf(credit)[0]!.text).toBe('Avoir sur la facture n° 2026-000007 du 01/10/2026. Motif : Une maquette de moins');
    expect(mentionsOf(credit).map((m) => m.code).filter(Boolean)).toEqual(['PMD', 'PMT', 'AAB']);
  });

  it('cannot be made without the identity in force that day', () => {
    expect(() => en16931({ ...facts, seller: { ...facts.seller, identity: null } })).toThrow(SellerIdentityMissing);
  });
});

describe('Factur-X', () => {
  it('gives the same bytes for the same facts, made one after another or at once', async () => {
    const [a, b] = await Promise.all([facturX(facts), facturX(facts)]);
    expect(Buffer.compare(a, b)).toBe(0);
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    const xml = (await ciiXml(facts)).toString('utf8');
    expect(xml).toContain('<ram:SubjectCode>PMT</ram:SubjectCode>');
    expect(xml.match(/<ram:IncludedNote>/g)).toHaveLength(4);
  });
});
