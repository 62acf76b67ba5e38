import type { DecimalString, IsoDate } from '../../libs/domain';
import type { AccountNumber, JournalCode } from './chart';

export const LEDGER = 'ledger';

/** One line of an entry: an account (with its auxiliary account for clients and suppliers), one side, the activity's analytic code. */
export type LedgerLine = { account: AccountNumber; aux: string | null; auxLabel: string | null; debit: DecimalString; credit: DecimalString; analytic: string };

/** A balanced entry of one journal, dated, with its piece's reference and label. */
export type LedgerEntry = { journal: JournalCode; on: IsoDate; pieceRef: string; pieceDate: IsoDate; label: string; lines: LedgerLine[] };

/** The entries one event books, at its log position (ids `{caeId}:{position}`, zero-padded so they list in log order). */
export type MovementDoc = { caeId: string; position: number; entries: LedgerEntry[] };

/** Whose auxiliary account an invoice's client is: its credit notes, payments and refunds are booked on it too. */
export type InvoiceAccountDoc = { caeId: string; number: string; aux: string; auxLabel: string };

export const movementId = (caeId: string, position: number): string => `${caeId}:${String(position).padStart(12, '0')}`;
export const invoiceId = (caeId: string, number: string): string => `${caeId}:${number}`;

/** The CAE's SIRENs, each from the day it is in force (what the FEC's file is named by). */
export type BooksDoc = { caeId: string; sirens: { effectiveOn: IsoDate; siren: string }[] };
