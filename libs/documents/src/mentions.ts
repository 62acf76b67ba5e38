import type { InvoiceIssued, OperationCategory } from '../../domain';
import type { DocumentFacts } from '../../../projections/invoice-documents/queries';
import { euros, frenchDay, frenchDecimal } from './french';

/**
 * A mention the document carries, with its subject code where the French Factur-X guide gives one (UNTDID 4451):
 * PMD late-payment penalties, PMT the recovery fee, AAB the discount; the others are general notes.
 */
export type Mention = { code?: 'PMD' | 'PMT' | 'AAB'; text: string };

/** What a 0 % line says when the invoice gives no wording of its own. */
export const DEFAULT_EXEMPTION = 'TVA non applicable, art. 293 B du CGI';

const CATEGORIES: Record<OperationCategory, string> = {
  goods: 'livraison de biens',
  services: 'prestation de services',
  mixed: 'livraison de biens et prestation de services',
};

/** A business client's payment terms (C. com. L441-10, D441-5): penalties, the recovery fee, no discount. */
const termsOf = (invoice: InvoiceIssued): Mention[] =>
  invoice.businessTerms
    ? [
        {
          code: 'PMD',
          text:
            invoice.businessTerms.latePenaltyRate === null
              ? 'Pénalités de retard : taux de la BCE à son opération de refinancement la plus récente, majoré de 10 points'
              : `Pénalités de retard : ${frenchDecimal(invoice.businessTerms.latePenaltyRate)} % par an`,
        },
        { code: 'PMT', text: `Indemnité forfaitaire pour frais de recouvrement : ${euros(invoice.businessTerms.recoveryFee)}` },
        { code: 'AAB', text: "Pas d'escompte pour paiement anticipé" },
      ]
    : [];

/** The invoice's mentions (C. com. L441-9, CGI ann. II art. 242 nonies A, the 2026 e-invoicing mentions), in French. */
const invoiceMentions = (invoice: InvoiceIssued): Mention[] => [
  ...(invoice.quoteNumber ? [{ text: `Suivant devis n° ${invoice.quoteNumber}` }] : []),
  ...(invoice.capeMention ? [{ text: invoice.capeMention.text }] : []),
  ...(invoice.operationCategory ? [{ text: `Catégorie de l'opération : ${CATEGORIES[invoice.operationCategory]}` }] : []),
  ...(invoice.vatOnDebits ? [{ text: "Option pour le paiement de la TVA d'après les débits" }] : []),
  ...(invoice.lines.some((line) => line.vatRate === '0') ? [{ text: exemptionOf(invoice) }] : []),
  ...termsOf(invoice),
];

export const exemptionOf = (invoice: InvoiceIssued): string => invoice.vatExemptionMention ?? DEFAULT_EXEMPTION;

/** The mentions of an invoice, or of a credit note (which names the invoice it corrects and why). */
export const mentionsOf = (facts: DocumentFacts): Mention[] =>
  facts.kind === 'invoice'
    ? invoiceMentions(facts.invoice)
    : [
        { text: `Avoir sur la facture n° ${facts.invoice.number} du ${frenchDay(facts.invoice.issuedOn)}. Motif : ${facts.creditNote.reason}` },
        ...(facts.creditNote.lines.some((line) => line.vatRate === '0') ? [{ text: exemptionOf(facts.invoice) }] : []),
        // The invoice's terms stand for what the credit note leaves to pay (and BR-FR-05 asks for them).
        ...termsOf(facts.invoice),
      ];
