/** Stream names: one aggregate per stream (ARCHITECTURE.md). Identifiers are validated to [A-Za-z0-9_.-]. */
export const caeStream = (caeId: string): string => `cae-${caeId}`;
export const entrepreneurStream = (caeId: string, entrepreneurId: string): string => `entrepreneur-${caeId}-${entrepreneurId}`;
export const invoiceSeriesStream = (caeId: string, year: number): string => `invoice-series-${caeId}-${year}`;
export const associateStream = (caeId: string, associateId: string): string => `associate-${caeId}-${associateId}`;

/** The year of an invoice or credit note number `YYYY-NNNNNN`. */
export const seriesYearOf = (documentNumber: string): number => Number(documentNumber.slice(0, 4));

export const formatDocumentNumber = (year: number, sequence: number): string => `${year}-${String(sequence).padStart(6, '0')}`;
