import { addMoney, isPositiveMoney, lastDayOfMonth, subtractMoney, type DecimalString, type IsoDate } from '../../libs/domain';
import type { ReadModels } from '../projection';
import { caeAccounts } from '../treasury/queries';
import { ACCOUNTS, JOURNALS, STRUCTURE, type AccountNumber, type JournalCode } from './chart';
import { LEDGER, type BooksDoc, type LedgerEntry, type LedgerLine, type MovementDoc } from './documents';

/** The 18 fields of LPF art. A47 A-1, in their order: the FEC's header line. */
export const FEC_FIELDS = [
  'JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib', 'CompAuxNum', 'CompAuxLib', 'PieceRef',
  'PieceDate', 'EcritureLib', 'Debit', 'Credit', 'EcritureLet', 'DateLet', 'ValidDate', 'Montantdevise', 'Idevise',
] as const;

/** An entry as the FEC numbers it: `{journal}{sequence}`, continuous in date order within each journal. */
export type NumberedEntry = LedgerEntry & { number: string };

export type Fec = { siren: string; closingOn: IsoDate; fileName: string; entries: NumberedEntry[] };
export type FecRefusal = { refused: 'NO_ACTIVITY_IN_YEAR' | 'CAE_IDENTITY_MISSING' };

const JOURNAL_ORDER = Object.keys(JOURNALS) as JournalCode[];

const line = (account: AccountNumber, amount: DecimalString, analytic: string, aux: { aux: string | null; auxLabel: string | null } = { aux: null, auxLabel: null }): LedgerLine => {
  const positive = !amount.startsWith('-');
  const size = positive ? amount : amount.slice(1);
  return { account, ...aux, debit: positive ? size : '0.00', credit: positive ? '0.00' : size, analytic };
};
const negated = (amount: DecimalString): DecimalString => subtractMoney('0.00', amount);

/** Each entrepreneur's contribution of each month, moved from the activity's analytic code to the structure's on the month's last day. */
const contributionEntries = async (models: ReadModels, caeId: string, year: number): Promise<LedgerEntry[]> =>
  ((await caeAccounts(models, caeId))?.accounts ?? []).flatMap((account) =>
    account.monthly
      .filter((month) => Number(month.month.slice(0, 4)) <= year && month.contribution !== '0.00')
      .map((month) => ({
        journal: 'OD' as const,
        on: lastDayOfMonth(month.month),
        pieceRef: `CONTRIB-${account.entrepreneurId}-${month.month}`,
        pieceDate: lastDayOfMonth(month.month),
        label: `Contribution coopérative ${month.month}`,
        lines: [line('186000', month.contribution, account.entrepreneurId), line('187000', negated(month.contribution), STRUCTURE)],
      })),
  );

/** Carried forward on 1 January: every balance-sheet account's balance, and the earlier years' result (classes 6 and 7) as report à nouveau. */
const openingEntry = (earlier: LedgerEntry[], year: number): LedgerEntry[] => {
  const balances = new Map<string, { account: AccountNumber; aux: string | null; auxLabel: string | null; analytic: string; balance: DecimalString }>();
  for (const l of earlier.flatMap((entry) => entry.lines)) {
    const account: AccountNumber = /^[67]/.test(l.account) ? '110000' : l.account;
    const key = JSON.stringify([account, l.aux, l.analytic]);
    const held = balances.get(key) ?? { account, aux: l.aux, auxLabel: l.auxLabel, analytic: l.analytic, balance: '0.00' };
    balances.set(key, { ...held, balance: subtractMoney(addMoney(held.balance, l.debit), l.credit) });
  }
  const lines = [...balances.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, b]) => b)
    .filter((b) => b.balance !== '0.00')
    .map((b) => line(b.account === '110000' && !b.balance.startsWith('-') ? '119000' : b.account, b.balance, b.analytic, b));
  const on = `${year}-01-01`;
  return lines.length === 0 ? [] : [{ journal: 'AN', on, pieceRef: `AN-${year}`, pieceDate: on, label: `A nouveaux ${year}`, lines }];
};

/** The SIREN in force at the closing date (the first one recorded when none was yet). */
const sirenAt = (books: BooksDoc | undefined, day: IsoDate): string | undefined => {
  const sorted = [...(books?.sirens ?? [])].sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0));
  return (sorted.filter((s) => s.effectiveOn <= day).at(-1) ?? sorted[0])?.siren;
};

/**
 * A CAE's FEC for a calendar year, from the ledger and the activity accounts (both as replayed to one log position,
 * so one position gives one file): the opening balances, then the year's entries in date order, each journal
 * numbered without a gap. Undefined for an unknown CAE.
 */
export const fecOf = async (models: ReadModels, caeId: string, year: number): Promise<Fec | FecRefusal | undefined> => {
  if ((await caeAccounts(models, caeId)) === undefined) return undefined;
  const movements = ((await models.list(LEDGER, 'movements', { caeId })) as MovementDoc[]).sort((a, b) => a.position - b.position);
  const all = [...movements.flatMap((m) => m.entries), ...(await contributionEntries(models, caeId, year))];
  const start = `${year}-01-01`;
  const closingOn = `${year}-12-31`;
  // An entry left without a line (every amount zero) books nothing and takes no number.
  const within = all.filter((entry) => entry.on >= start && entry.on <= closingOn && entry.lines.length > 0);
  if (within.length === 0) return { refused: 'NO_ACTIVITY_IN_YEAR' };
  const siren = sirenAt((await models.get(LEDGER, 'caes', caeId)) as BooksDoc | undefined, closingOn);
  if (siren === undefined) return { refused: 'CAE_IDENTITY_MISSING' };
  // A stable sort: entries of one day and journal keep the log's order, the contributions after them.
  const dated = [...openingEntry(all.filter((entry) => entry.on < start), year), ...within].sort(
    (a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : JOURNAL_ORDER.indexOf(a.journal) - JOURNAL_ORDER.indexOf(b.journal)),
  );
  const counters = new Map<JournalCode, number>();
  const entries = dated.map((entry) => {
    const sequence = (counters.get(entry.journal) ?? 0) + 1;
    counters.set(entry.journal, sequence);
    return { ...entry, number: `${entry.journal}${String(sequence).padStart(6, '0')}` };
  });
  return { siren, closingOn, fileName: `${siren}FEC${closingOn.replaceAll('-', '')}.txt`, entries };
};

const day = (date: IsoDate): string => date.replaceAll('-', '');
const amount = (value: DecimalString): string => value.replace('.', ',');
/** Tabs and line breaks would break the file's columns. */
const cell = (text: string | null): string => (text ?? '').replace(/[\t\r\n]+/g, ' ');

/** The FEC's text: the header, then one line per entry line, tab-separated, CRLF-terminated; the entrepreneur's analytic code leads each label. */
export const fecText = (fec: Fec): string =>
  [
    FEC_FIELDS.join('\t'),
    ...fec.entries.flatMap((entry) =>
      entry.lines
        .filter((l) => isPositiveMoney(l.debit) || isPositiveMoney(l.credit))
        .map((l) =>
          [
            entry.journal, JOURNALS[entry.journal], entry.number, day(entry.on), l.account, ACCOUNTS[l.account], cell(l.aux), cell(l.auxLabel),
            cell(entry.pieceRef), day(entry.pieceDate), cell(`[${l.analytic}] ${entry.label}`), amount(l.debit), amount(l.credit), '', '', day(entry.on), '', '',
          ].join('\t'),
        ),
    ),
  ]
    .map((row) => `${row}\r\n`)
    .join('');
