import { FEC_FIELDS } from './fec';

const DAY = /^(\d{4})(\d{2})(\d{2})$/;
const AMOUNT = /^\d+,\d{2}$/;

const realDay = (text: string): boolean => {
  const m = DAY.exec(text);
  if (m === null) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
};
const cents = (text: string): bigint => BigInt(text.replace(',', ''));

/**
 * What the project checks of its own FEC, since no open validator equals the tax administration's: the 18 columns
 * in order, dates real and in the fiscal year, amounts in the decimal-comma form, one side per line, every entry
 * balanced and its lines together, and each journal's entries numbered 1, 2, 3… in date order. Answers the problems found.
 */
export const checkFec = (text: string, year: number): string[] => {
  const problems: string[] = [];
  if (!text.endsWith('\r\n')) problems.push('the file does not end with CRLF');
  const rows = text.split('\r\n').slice(0, -1).map((row) => row.split('\t'));
  if (rows[0]?.join('\t') !== FEC_FIELDS.join('\t')) problems.push('the header is not the 18 fields of A47 A-1 in their order');
  const entries = new Map<string, { journal: string; date: string; debit: bigint; credit: bigint; last: number }>();
  const lastOfJournal = new Map<string, { sequence: number; date: string }>();
  rows.slice(1).forEach((row, index) => {
    const at = `line ${index + 2}`;
    if (row.length !== FEC_FIELDS.length) return void problems.push(`${at}: ${row.length} fields, not ${FEC_FIELDS.length}`);
    const [journal, , number, date, account, accountLabel, , , piece, pieceDate, label, debit, credit, , , validDate] = row as string[] as [string, ...string[]];
    for (const [name, value] of [['EcritureDate', date], ['PieceDate', pieceDate], ['ValidDate', validDate]] as const)
      if (!realDay(value!)) problems.push(`${at}: ${name} "${value}" is not a date YYYYMMDD`);
    if (!date!.startsWith(String(year))) problems.push(`${at}: EcritureDate ${date} is outside the fiscal year ${year}`);
    if (!journal || !account || !accountLabel || !piece || !label) problems.push(`${at}: a mandatory field is empty`);
    if (!AMOUNT.test(debit!) || !AMOUNT.test(credit!)) return void problems.push(`${at}: amounts "${debit}" / "${credit}" are not of the form 1234,50`);
    if ((cents(debit!) === 0n) === (cents(credit!) === 0n)) problems.push(`${at}: a line is a debit or a credit, not both or neither`);
    const entry = entries.get(number!);
    if (entry === undefined) {
      const sequence = Number(number!.slice(journal.length));
      const previous = lastOfJournal.get(journal) ?? { sequence: 0, date: '' };
      if (!number!.startsWith(journal) || sequence !== previous.sequence + 1) problems.push(`${at}: entry ${number} does not follow ${journal}${String(previous.sequence).padStart(6, '0')}`);
      if (date! < previous.date) problems.push(`${at}: entry ${number} is dated before the journal's previous entry`);
      lastOfJournal.set(journal, { sequence, date: date! });
      entries.set(number!, { journal, date: date!, debit: cents(debit!), credit: cents(credit!), last: index });
    } else {
      if (entry.last !== index - 1) problems.push(`${at}: the lines of entry ${number} are not together`);
      if (entry.date !== date) problems.push(`${at}: entry ${number} has lines on two dates`);
      entries.set(number!, { ...entry, debit: entry.debit + cents(debit!), credit: entry.credit + cents(credit!), last: index });
    }
  });
  for (const [number, entry] of entries) if (entry.debit !== entry.credit) problems.push(`entry ${number} is not balanced: debit ${entry.debit} ≠ credit ${entry.credit} cents`);
  return problems;
};
