import type { CaeIdentityRecorded, CreditNoteIssued, InvoiceIssued, LegalForm } from '../../libs/domain';

export const INVOICE_DOCUMENTS = 'invoice-documents';

/** An event's data as a stored document (a mapped copy of its interface, which JSON documents accept). */
type Stored<T> = T extends (infer E)[] ? Stored<E>[] : T extends object ? { [K in keyof T]: Stored<T[K]> } : T;

/** Ids are `{caeId}:{key}`: a CAE's documents list together. */
export const docId = (caeId: string, key: string): string => `${caeId}:${key}`;

/** Who the CAE is on its documents: its name and legal form, and each identity from the day it is in force. */
export type SellerDoc = { caeId: string; name: string; legalForm: LegalForm; identities: Stored<CaeIdentityRecorded>[] };

/**
 * What an invoice's or a credit note's document is made from: the facts as issued, an inline private client's data
 * opened (or `[forgotten]`); a directory person's is read from the directory, the one place an erasure blanks it.
 * A credit note names the invoice it corrects, read beside it.
 */
export type DocumentDoc =
  | { caeId: string; number: string; kind: 'invoice'; issuedOn: string; invoice: Stored<InvoiceIssued> }
  | { caeId: string; number: string; kind: 'credit_note'; issuedOn: string; invoiceNumber: string; creditNote: Stored<CreditNoteIssued> };
