import { defineCommand, type CommandDefinitions, invoiceDocument, quoteDocument } from '../command-handling/define-command';
import { yearOf } from '../dates';
import {
  acceptQuoteSchema,
  recordPlatformStatusResult,
  recordPlatformStatusSchema,
  answerQuoteResult,
  declineQuoteSchema,
  issueQuoteResult,
  issueQuoteSchema,
  issueCreditNoteResult,
  issueCreditNoteSchema,
  issueInvoiceResult,
  issueInvoiceSchema,
  recordPaymentResult,
  recordPaymentSchema,
  recordRefundResult,
  recordRefundSchema,
  type InvoicingCommands,
} from './commands';
import { issueCreditNote } from './credit-notes';
import { issueInvoice } from './invoices';
import { recordPayment } from './payments';
import { recordRefund } from './refunds';
import { acceptQuote, declineQuote, issueQuote } from './quotes';
import { recordPlatformStatus } from './platform-statuses';

/** The invoicing slice's commands: what each loads (the series when it takes a number) and which decision it runs. */

export const INVOICING_COMMANDS: CommandDefinitions<InvoicingCommands> = {
  IssueInvoice: defineCommand(issueInvoiceSchema, {
    result: issueInvoiceResult,
    // A directory client is read, not written: its registration never changes.
    plan: (c) => ({ caeId: c.caeId, entrepreneurId: c.entrepreneurId, seriesYear: yearOf(c.issuedOn), ...('clientId' in c.client && { clientId: c.client.clientId }), writes: ['entrepreneur', 'series'] }),
    decide: issueInvoice,
  }),
  RecordPayment: defineCommand(recordPaymentSchema, {
    result: recordPaymentResult,
    plan: (c) => ({ caeId: c.caeId, document: invoiceDocument(c.invoiceNumber), writes: ['entrepreneur'] }),
    decide: recordPayment,
  }),
  IssueCreditNote: defineCommand(issueCreditNoteSchema, {
    result: issueCreditNoteResult,
    plan: (c) => ({ caeId: c.caeId, document: invoiceDocument(c.invoiceNumber), seriesYear: yearOf(c.issuedOn), writes: ['entrepreneur', 'series'] }),
    decide: issueCreditNote,
  }),
  RecordRefund: defineCommand(recordRefundSchema, {
    result: recordRefundResult,
    plan: (c) => ({ caeId: c.caeId, document: invoiceDocument(c.invoiceNumber), writes: ['entrepreneur'] }),
    decide: recordRefund,
  }),
  IssueQuote: defineCommand(issueQuoteSchema, {
    result: issueQuoteResult,
    plan: (c) => ({ caeId: c.caeId, entrepreneurId: c.entrepreneurId, seriesYear: yearOf(c.issuedOn), seriesKind: 'quote', ...('clientId' in c.client && { clientId: c.client.clientId }), writes: ['entrepreneur', 'series'] }),
    decide: issueQuote,
  }),
  AcceptQuote: defineCommand(acceptQuoteSchema, {
    result: answerQuoteResult,
    plan: (c) => ({ caeId: c.caeId, document: quoteDocument(c.quoteNumber), writes: ['entrepreneur'] }),
    decide: acceptQuote,
  }),
  DeclineQuote: defineCommand(declineQuoteSchema, {
    result: answerQuoteResult,
    plan: (c) => ({ caeId: c.caeId, document: quoteDocument(c.quoteNumber), writes: ['entrepreneur'] }),
    decide: declineQuote,
  }),
  RecordPlatformStatus: defineCommand(recordPlatformStatusSchema, {
    result: recordPlatformStatusResult,
    plan: (c) => ({ caeId: c.caeId, document: invoiceDocument(c.invoiceNumber), writes: ['entrepreneur'] }),
    decide: recordPlatformStatus,
  }),
};
