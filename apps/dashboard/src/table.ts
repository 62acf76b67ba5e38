import { download, h, show } from './dom.js';
import { t } from './i18n.js';

export interface Column<R> {
  title: string;
  /** What the cell shows. */
  text: (row: R) => string;
  /** What it sorts and exports by (numbers sort as numbers), default: the text. */
  value?: (row: R) => string | number;
  /** What the cell holds when it is more than its text (a link). */
  cell?: (row: R) => Node;
}

export interface TableOptions {
  /** A search box over every column's text. */
  search?: boolean;
  /** Rows per page (default: every row on one page). */
  pageSize?: number;
}

const csvCell = (value: string | number): string => (/[",;\n\r]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

/** Decimal strings (money, rates) compared exactly, without turning them into floats. */
const DECIMAL = /^-?\d+(\.\d+)?$/;
const compareDecimals = (x: string, y: string): number => {
  const [xi = '', xf = ''] = x.replace('-', '').split('.');
  const [yi = '', yf = ''] = y.replace('-', '').split('.');
  const width = Math.max(xf.length, yf.length);
  const magnitude = (i: string, f: string) => i.replace(/^0+(?=\d)/, '').padStart(20, '0') + f.padEnd(width, '0');
  const sign = (v: string) => (v.startsWith('-') && /[1-9]/.test(v) ? -1 : 1);
  if (sign(x) !== sign(y)) return sign(x) - sign(y);
  const [a, b] = [magnitude(xi, xf), magnitude(yi, yf)];
  return sign(x) * (a < b ? -1 : a > b ? 1 : 0);
};

const compare = (x: string | number, y: string | number): number =>
  typeof x === 'number' && typeof y === 'number'
    ? x - y
    : DECIMAL.test(String(x)) && DECIMAL.test(String(y))
      ? compareDecimals(String(x), String(y))
      : String(x).localeCompare(String(y), 'fr');

let tables = 0;

/**
 * A table sortable by any column (click or Enter on its header), searched and paged when asked, exported to CSV
 * and xlsx as its raw values (every row the search keeps, not only the page shown).
 */
export const table = <R>(caption: string, columns: Column<R>[], rows: R[], fileName: string, options: TableOptions = {}): HTMLElement => {
  const id = `table-${++tables}`;
  let sortBy = 0;
  let ascending = true;
  let query = '';
  let page = 0;
  const body = h('tbody');
  const pager = h('p', { class: 'pager', 'aria-live': 'polite' });
  const valueOf = (column: Column<R>, row: R) => (column.value ?? column.text)(row);
  const headers = columns.map((column, i) =>
    h('th', { scope: 'col', 'aria-sort': i === 0 ? 'ascending' : 'none' }, h('button', { type: 'button', onclick: () => sort(i) }, column.title)),
  );
  const kept = (): R[] => {
    const words = query.toLocaleLowerCase('fr').split(/\s+/).filter(Boolean);
    const found = rows.filter((row) => words.every((word) => columns.some((column) => column.text(row).toLocaleLowerCase('fr').includes(word))));
    return found.sort((a, b) => {
      const x = valueOf(columns[sortBy]!, a);
      const y = valueOf(columns[sortBy]!, b);
      const order = compare(x, y);
      return ascending ? order : -order;
    });
  };
  const render = () => {
    const all = kept();
    const size = options.pageSize ?? Math.max(1, all.length);
    const pages = Math.max(1, Math.ceil(all.length / size));
    page = Math.min(page, pages - 1);
    show(body, ...all.slice(page * size, (page + 1) * size).map((row) => h('tr', {}, ...columns.map((column) => h('td', {}, column.cell ? column.cell(row) : column.text(row))))));
    headers.forEach((header, i) => header.setAttribute('aria-sort', i === sortBy ? (ascending ? 'ascending' : 'descending') : 'none'));
    if (options.pageSize !== undefined)
      show(
        pager,
        h('button', { type: 'button', disabled: page === 0, onclick: () => (page--, render()) }, t('previous')),
        ` ${t('page')} ${page + 1} / ${pages} (${all.length} ${t('rows')}) `,
        h('button', { type: 'button', disabled: page >= pages - 1, onclick: () => (page++, render()) }, t('next')),
      );
  };
  const sort = (i: number) => {
    ascending = sortBy === i ? !ascending : true;
    sortBy = i;
    render();
  };
  render();
  const csv = () => {
    const lines = [columns.map((column) => csvCell(column.title)).join(','), ...kept().map((row) => columns.map((column) => csvCell(valueOf(column, row))).join(','))];
    download(`${fileName}.csv`, URL.createObjectURL(new Blob([`\ufeff${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' })));
  };
  // Money and counts as numbers the spreadsheet sums: a decimal of up to 13 digits and 2 decimals is written exactly.
  const xlsxCell = (value: string | number) => (typeof value === 'number' ? value : /^-?\d{1,13}\.\d{2}$/.test(value) ? { value: Number(value), format: '#,##0.00' } : value);
  const xlsx = async () => {
    const rows = [columns.map((column) => column.title), ...kept().map((row) => columns.map((column) => xlsxCell(valueOf(column, row))))];
    const blob = await writeXlsxFile(rows, { columns: columns.map(() => ({ width: 18 })) }).toBlob();
    download(`${fileName}.xlsx`, URL.createObjectURL(blob));
  };
  const search =
    options.search &&
    h(
      'p',
      { class: 'controls' },
      h('label', { for: `${id}-search` }, t('search')),
      h('input', { id: `${id}-search`, type: 'search', oninput: (e) => ((query = (e.target as HTMLInputElement).value), (page = 0), render()) }),
    );
  return h(
    'section',
    { class: 'card' },
    search,
    h('table', { id }, h('caption', {}, caption), h('thead', {}, h('tr', {}, ...headers)), body),
    options.pageSize !== undefined && pager,
    h('p', { class: 'exports' }, h('button', { type: 'button', class: 'export', onclick: csv }, t('exportCsv')), h('button', { type: 'button', class: 'export', onclick: () => void xlsx() }, t('exportXlsx'))),
  );
};
