import { ciiXml, facturX, SellerIdentityMissing } from '../../../documents';
import { documentFacts } from '../../../../projections/invoice-documents/queries';
import type { QueryRunner } from '../projector/read-models';

export type DocumentFormat = 'pdf' | 'xml';

/** An invoice or credit note as its client receives it: its file name, media type and bytes. */
export type InvoiceDocument = { fileName: string; mediaType: string; bytes: Buffer; entrepreneurId: string };

/**
 * Document `number` of a CAE: Factur-X (a PDF/A-3 with its CII XML inside) or the CII XML alone, made from the facts
 * as issued and the CAE's identity in force that day. Undefined when there is no such document;
 * CAE_IDENTITY_MISSING when no identity was in force (a document names its seller by its SIREN and VAT number).
 */
export const invoiceDocument = async (models: QueryRunner, caeId: string, number: string, format: DocumentFormat): Promise<InvoiceDocument | { refused: 'CAE_IDENTITY_MISSING' } | undefined> => {
  const facts = await models.run((read) => documentFacts(read, caeId, number));
  if (facts === undefined) return undefined;
  try {
    const bytes = format === 'pdf' ? await facturX(facts) : await ciiXml(facts);
    return { fileName: `${caeId}-${number}.${format}`, mediaType: format === 'pdf' ? 'application/pdf' : 'application/xml', bytes, entrepreneurId: facts.invoice.entrepreneurId };
  } catch (error) {
    if (error instanceof SellerIdentityMissing) return { refused: 'CAE_IDENTITY_MISSING' };
    throw error;
  }
};
