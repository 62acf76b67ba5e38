import type { CaeIdentityRecorded, CreditNoteIssued, InvoiceIssued, IsoDate, LegalForm } from '../../libs/domain';
import type { ReadModels } from '../projection';
import { docId as registerId, REGISTERS, type ClientDoc } from '../registers/documents';
import { docId, INVOICE_DOCUMENTS, type DocumentDoc, type SellerDoc } from './documents';

/** What a document generator needs of an invoice or a credit note: the seller as it was that day, the facts as issued. */
export type DocumentFacts =
  | { kind: 'invoice'; seller: Seller; invoice: InvoiceIssued }
  | { kind: 'credit_note'; seller: Seller; invoice: InvoiceIssued; creditNote: CreditNoteIssued };
export type Seller = { name: string; legalForm: LegalForm; identity: CaeIdentityRecorded | null };

/** The identity in force on a day: the latest from on or before it. */
const identityOn = (seller: SellerDoc, day: IsoDate): CaeIdentityRecorded | null =>
  seller.identities.filter((i) => i.effectiveOn <= day).sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0)).at(-1) ?? null;

/** A directory person's name, address and email, read from the directory (blanked there once forgotten). */
const withDirectoryPerson = async (models: ReadModels, invoice: InvoiceIssued): Promise<InvoiceIssued> => {
  const { clientId, kind } = invoice.client;
  if (clientId === undefined || kind !== 'individual') return invoice;
  const line = (await models.get(REGISTERS, 'clients', registerId(invoice.caeId, clientId))) as ClientDoc | undefined;
  if (line === undefined) return invoice;
  const address = line.address === null || typeof line.address === 'string' ? {} : { address: line.address };
  return { ...invoice, client: { ...invoice.client, individual: { name: line.name, ...address, ...(line.email !== null && { email: line.email }) } } };
};

/** The facts of document `number` (an invoice or a credit note) of a CAE; undefined when there is none. */
export const documentFacts = async (models: ReadModels, caeId: string, number: string): Promise<DocumentFacts | undefined> => {
  const seller = (await models.get(INVOICE_DOCUMENTS, 'sellers', caeId)) as SellerDoc | undefined;
  const document = (await models.get(INVOICE_DOCUMENTS, 'documents', docId(caeId, number))) as DocumentDoc | undefined;
  if (seller === undefined || document === undefined) return undefined;
  const invoiceDoc = document.kind === 'invoice' ? document : ((await models.get(INVOICE_DOCUMENTS, 'documents', docId(caeId, document.invoiceNumber))) as DocumentDoc | undefined);
  if (invoiceDoc === undefined || invoiceDoc.kind !== 'invoice') return undefined;
  const invoice = await withDirectoryPerson(models, invoiceDoc.invoice);
  const sellerThen: Seller = { name: seller.name, legalForm: seller.legalForm, identity: identityOn(seller, document.issuedOn) };
  return document.kind === 'invoice' ? { kind: 'invoice', seller: sellerThen, invoice } : { kind: 'credit_note', seller: sellerThen, invoice, creditNote: document.creditNote };
};

/** The documents of a CAE issued in a period (both days included), by number: what a platform's upload takes. */
export const documentsIssued = async (models: ReadModels, caeId: string, from: IsoDate, to: IsoDate): Promise<string[]> =>
  ((await models.list(INVOICE_DOCUMENTS, 'documents', { caeId })) as DocumentDoc[])
    .filter((d) => d.issuedOn >= from && d.issuedOn <= to)
    .map((d) => d.number)
    .sort();
