import { decimal, int, pattern, str } from './schema';

// A command's type is its schema's: written once.
export type { Infer } from './schema';

/** The fields several commands share, each with its limits (see docs/api.md). */

// Identifiers end up in stream names (`entrepreneur-{caeId}/{entrepreneurId}`): no "/" in them, nothing but these characters.
export const id = () =>
  pattern(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be an identifier: 1 to 64 letters, digits, "_", "." or "-", starting with a letter or digit', 64);
export const INVOICE_NUMBER = /^\d{4}-\d{6}$/;
export const invoiceNumber = () => pattern(INVOICE_NUMBER, 'must be an invoice number YYYY-NNNNNN (e.g. "2016-000001")', 11);
export const QUOTE_NUMBER = /^D\d{4}-\d{6}$/;
export const quoteNumber = () => pattern(QUOTE_NUMBER, 'must be a quote number DYYYY-NNNNNN (e.g. "D2016-000001")', 12);

export const name = () => str(200);
export const longText = () => str(1000);
export const postalCode = () => str(20);

export const rate = () => decimal({ decimals: 4, integerDigits: 1, example: '0.12', max: '1' });
export const quantity = () => decimal({ decimals: 3, integerDigits: 12, example: '2', positive: true });
export const hours = (max: string) => decimal({ decimals: 2, integerDigits: 3, example: '151.67', max });

export const birthYear = () => int({ min: 1900, max: 2100 });
export const shares = () => int({ min: 1, max: 1_000_000 });
