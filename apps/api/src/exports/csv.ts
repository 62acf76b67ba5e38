/**
 * A table as CSV the way French spreadsheets open it: UTF-8 with a BOM, comma-separated, CRLF, every field quoted
 * when it holds a comma, a quote or a line break. Money stays the API's decimal string ("1234.50"): exact.
 */
export interface CsvColumn<R> {
  title: string;
  value: (row: R) => string | number | null | undefined;
}

const field = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const toCsv = <R>(columns: CsvColumn<R>[], rows: R[]): string =>
  `\ufeff${[columns.map((c) => field(c.title)), ...rows.map((row) => columns.map((c) => field(c.value(row))))].map((line) => line.join(',')).join('\r\n')}\r\n`;
