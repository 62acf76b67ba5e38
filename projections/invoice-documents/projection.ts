import { INVOICE_NUMBER } from '../../libs/domain';
import { collectionOf, defineProjection } from '../projection';
import { FORGOTTEN } from '../registers/documents';
import { docId, INVOICE_DOCUMENTS, type DocumentDoc, type SellerDoc } from './documents';

const documentRef = (caeId: string, number: string) => ({ collection: 'documents', id: docId(caeId, number) }) as const;

/**
 * The invoices' and credit notes' documents (Factur-X PDF, CII XML) are made from these: each document's facts and
 * the CAE's identities. A private client forgotten reads `[forgotten]` in their documents too.
 */
export const invoiceDocumentsProjection = defineProjection({
  name: INVOICE_DOCUMENTS,
  version: 1,
  collections: { sellers: collectionOf<SellerDoc>(), documents: collectionOf<DocumentDoc>() },
  on: {
    CaeRegistered: {
      documents: (e) => [{ collection: 'sellers', id: e.data.caeId }],
      apply: ({ data: d }) => [{ collection: 'sellers', id: d.caeId, doc: { caeId: d.caeId, name: d.name, legalForm: d.legalForm, identities: [] } }],
    },
    CaeIdentityRecorded: {
      documents: (e) => [{ collection: 'sellers', id: e.data.caeId }],
      apply: ({ data: d }, docs) => {
        const seller = docs.get('sellers', d.caeId);
        return seller ? [{ collection: 'sellers', id: d.caeId, doc: { ...seller, identities: [...seller.identities, d] } }] : [];
      },
    },
    InvoiceIssued: {
      documents: (e) => [documentRef(e.data.caeId, e.data.number)],
      apply: ({ data: d }) => {
        const { individual: _copy, ...client } = d.client;
        const invoice = d.client.clientId !== undefined && d.client.kind === 'individual' ? { ...d, client } : d;
        return [{ ...documentRef(d.caeId, d.number), doc: { caeId: d.caeId, number: d.number, kind: 'invoice' as const, issuedOn: d.issuedOn, invoice } }];
      },
    },
    CreditNoteIssued: {
      documents: (e) => [documentRef(e.data.caeId, e.data.number)],
      apply: ({ data: d }) => [{ ...documentRef(d.caeId, d.number), doc: { caeId: d.caeId, number: d.number, kind: 'credit_note' as const, issuedOn: d.issuedOn, invoiceNumber: d.invoiceNumber, creditNote: d } }],
    },
    PersonForgotten: {
      // An inline private client is forgotten by its invoice's number (a directory one's documents read its sealed copy: see the query).
      documents: ({ data: { caeId, kind, personId } }) => (kind === 'client' && INVOICE_NUMBER.test(personId) ? [documentRef(caeId, personId)] : []),
      apply: ({ data: { caeId, kind, personId } }, docs) => {
        if (kind !== 'client' || !INVOICE_NUMBER.test(personId)) return [];
        const document = docs.get('documents', docId(caeId, personId));
        if (!document || document.kind !== 'invoice' || document.invoice.client.kind !== 'individual') return [];
        return [{ ...documentRef(caeId, personId), doc: { ...document, invoice: { ...document.invoice, client: { ...document.invoice.client, individual: FORGOTTEN as never } } } }];
      },
    },
  },
});
