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

let tables = 0;

/**
 * A table sortable by any column (click or Enter on its header), searched and paged when asked, exported to CSV
 * as its raw values (every row the search keeps, not only the page shown).
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
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fr');
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
    h('button', { type: 'button', class: 'export', onclick: csv }, t('exportCsv')),
  );
};
