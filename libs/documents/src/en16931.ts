import type { Invoice } from '@e-invoice-eu/core';
import type { CaeIdentityRecorded, DocumentTotals, InvoiceClient, PostalAddress, PricedLine, VatRate } from '../../domain';
import type { DocumentFacts } from '../../../projections/invoice-documents/queries';
import { exemptionOf, mentionsOf } from './mentions';

/** A document cannot be made without the seller's legal identity (its SIREN, VAT number and address). */
export class SellerIdentityMissing extends Error {}

type Node = Record<string, unknown>;
const EUR = 'EUR';

/** `cbc:X` with its `@currencyID`. */
const amount = (name: string, value: string): Node => ({ [`cbc:${name}`]: value, [`cbc:${name}@currencyID`]: EUR });

/** VAT category (UNTDID 5305): standard rate, or exempt with its reason. */
const category = (rate: VatRate): Node => ({ 'cbc:ID': rate === '0' ? 'E' : 'S', 'cbc:Percent': rate, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } });

const address = (a: Pick<PostalAddress, 'line1' | 'line2' | 'city' | 'postalCode' | 'country'>): Node => ({
  'cbc:StreetName': a.line1,
  ...(a.line2 && { 'cbc:AdditionalStreetName': a.line2 }),
  'cbc:CityName': a.city,
  'cbc:PostalZone': a.postalCode,
  'cac:Country': { 'cbc:IdentificationCode': a.country ?? 'FR' },
});

/** BT-34/BT-49, the address its e-invoices reach: the SIREN (EAS 0002; @e-invoice-eu/core 2.3 knows no 0225 yet), else an email. */
const endpoint = (email: string | undefined, siren: string | undefined): Node =>
  siren ? { 'cbc:EndpointID': siren, 'cbc:EndpointID@schemeID': '0002' } : email ? { 'cbc:EndpointID': email, 'cbc:EndpointID@schemeID': 'EM' } : {};

const LEGAL_FORMS: Record<string, string> = { SARL_SCOP: 'SCOP SARL', SA_SCOP: 'SCOP SA', SAS_SCOP: 'SCOP SAS', SCIC: 'SCIC' };

/** BT-33, the seller's additional legal information: its form, capital and registration. */
export const legalLine = (legalForm: string, identity: CaeIdentityRecorded): string =>
  [
    `${LEGAL_FORMS[legalForm] ?? legalForm}${identity.shareCapital ? ` à capital variable (capital souscrit ${identity.shareCapital.replace('.', ',')} €)` : ' à capital variable'}`,
    `RCS ${identity.rcsCity} ${identity.siren}`,
    `SIRET ${identity.siret}`,
  ].join(', ');

const seller = (facts: DocumentFacts, identity: CaeIdentityRecorded): Node => ({
  'cac:Party': {
    ...endpoint(identity.email, identity.siren),
    'cac:PostalAddress': address(identity.address),
    'cac:PartyTaxScheme': [{ 'cbc:CompanyID': identity.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }],
    'cac:PartyLegalEntity': {
      'cbc:RegistrationName': identity.legalName,
      'cbc:CompanyID': identity.siren,
      'cbc:CompanyID@schemeID': '0002',
      'cbc:CompanyLegalForm': legalLine(facts.seller.legalForm, identity),
    },
  },
});

/** The client as the document names it; a person forgotten since keeps only a placeholder. */
export const clientName = (client: InvoiceClient): string => client.name ?? client.individual?.name ?? 'Client particulier';

/** The client's address, or what the invoice kept of it (its postal code), in France unless said otherwise. */
const clientAddress = (client: InvoiceClient): Node => {
  const full = client.address ?? client.individual?.address;
  if (full) return address(full);
  const postalCode = client.postalCode ?? client.individual?.postalCode;
  return { ...(postalCode && { 'cbc:PostalZone': postalCode }), 'cac:Country': { 'cbc:IdentificationCode': 'FR' } };
};

const buyer = (client: InvoiceClient): Node => ({
  'cac:Party': {
    ...endpoint(client.email ?? client.individual?.email, client.siren),
    'cac:PostalAddress': clientAddress(client),
    ...(client.vatNumber && { 'cac:PartyTaxScheme': [{ 'cbc:CompanyID': client.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }] }),
    'cac:PartyLegalEntity': {
      'cbc:RegistrationName': clientName(client),
      ...(client.siren && { 'cbc:CompanyID': client.siren, 'cbc:CompanyID@schemeID': '0002' }),
    },
  },
});

const taxTotal = (totals: DocumentTotals, exemption: string): Node[] => [
  {
    ...amount('TaxAmount', totals.totalVat),
    'cac:TaxSubtotal': totals.vatBreakdown.map((rate) => ({
      ...amount('TaxableAmount', rate.baseExclVat),
      ...amount('TaxAmount', rate.vat),
      'cac:TaxCategory': { ...category(rate.vatRate), ...(rate.vatRate === '0' && { 'cbc:TaxExemptionReason': exemption }) },
    })),
  },
];

const line = (priced: PricedLine, index: number): Node => ({
  'cbc:ID': String(index + 1),
  'cbc:InvoicedQuantity': priced.quantity,
  // C62: "one", a unit; the document does not know better.
  'cbc:InvoicedQuantity@unitCode': 'C62',
  ...amount('LineExtensionAmount', priced.totalExclVat),
  'cac:Item': { 'cbc:Name': priced.description, 'cac:ClassifiedTaxCategory': category(priced.vatRate) },
  'cac:Price': amount('PriceAmount', priced.unitPrice),
});

/**
 * The document in the EN 16931 semantic model, written as the UBL-JSON that @e-invoice-eu/core turns into CII:
 * an invoice (380) or a credit note (381, naming the invoice it corrects), the amounts as issued, to the cent.
 */
export const en16931 = (facts: DocumentFacts): Invoice => {
  const identity = facts.seller.identity;
  if (identity === null) throw new SellerIdentityMissing(`No legal identity of the CAE in force on ${facts.invoice.issuedOn}`);
  const { invoice } = facts;
  const document = facts.kind === 'invoice' ? invoice : facts.creditNote;
  const issuedOn = document.issuedOn;
  const delivery = invoice.deliveryAddress ? { 'cac:DeliveryLocation': { 'cac:Address': address(invoice.deliveryAddress) } } : {};
  const ubl: Node = {
    'cbc:CustomizationID': 'urn:cen.eu:en16931:2017',
    'cbc:ProfileID': 'M1',
    'cbc:ID': document.number,
    'cbc:IssueDate': issuedOn,
    ...(facts.kind === 'invoice' && { 'cbc:DueDate': invoice.dueOn }),
    'cbc:InvoiceTypeCode': facts.kind === 'invoice' ? '380' : '381',
    'cbc:Note': mentionsOf(facts).map((m) => (m.code ? `#${m.code}#${m.text}` : m.text)),
    'cbc:DocumentCurrencyCode': EUR,
    ...(invoice.client.chorusServiceCode && { 'cbc:BuyerReference': invoice.client.chorusServiceCode }),
    // A credit note's invoice (BT-25, BT-26): written into the CII by factur-x.ts, the library drops it.
    'cac:AccountingSupplierParty': seller(facts, identity),
    'cac:AccountingCustomerParty': buyer(invoice.client),
    // The date of the sale or service is the issue date: Alvéole does not record another.
    'cac:Delivery': { 'cbc:ActualDeliveryDate': invoice.issuedOn, ...delivery },
    ...(facts.kind === 'invoice' && {
      'cac:PaymentMeans': [
        identity.iban
          ? { 'cbc:PaymentMeansCode': '58', 'cac:PayeeFinancialAccount': { 'cbc:ID': identity.iban, ...(identity.bic && { 'cac:FinancialInstitutionBranch': { 'cbc:ID': identity.bic } }) } }
          : { 'cbc:PaymentMeansCode': '1' },
      ],
      ...(invoice.paymentTerms && { 'cac:PaymentTerms': { 'cbc:Note': invoice.paymentTerms } }),
    }),
    'cac:TaxTotal': taxTotal(document, exemptionOf(invoice)),
    'cac:LegalMonetaryTotal': {
      ...amount('LineExtensionAmount', document.totalExclVat),
      ...amount('TaxExclusiveAmount', document.totalExclVat),
      ...amount('TaxInclusiveAmount', document.totalInclVat),
      ...amount('PayableAmount', document.totalInclVat),
    },
    'cac:InvoiceLine': document.lines.map(line),
  };
  return { 'ubl:Invoice': ubl } as unknown as Invoice;
};
