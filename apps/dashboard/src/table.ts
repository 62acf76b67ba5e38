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

const csvCell = (value: string | number): string => (/[",;\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

/** A table sortable by any column (click or Enter on its header), exported to CSV as its raw values. */
export const table = <R>(caption: string, columns: Column<R>[], rows: R[], fileName: string): HTMLElement => {
  let sortBy = 0;
  let ascending = true;
  const body = h('tbody');
  const valueOf = (column: Column<R>, row: R) => (column.value ?? column.text)(row);
  const headers = columns.map((column, i) =>
    h('th', { scope: 'col', 'aria-sort': i === 0 ? 'ascending' : 'none' }, h('button', { type: 'button', onclick: () => sort(i) }, column.title)),
  );
  const render = () => {
    const sorted = [...rows].sort((a, b) => {
      const x = valueOf(columns[sortBy]!, a);
      const y = valueOf(columns[sortBy]!, b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'fr');
      return ascending ? order : -order;
    });
    show(body, ...sorted.map((row) => h('tr', {}, ...columns.map((column) => h('td', {}, column.cell ? column.cell(row) : column.text(row))))));
    headers.forEach((header, i) => header.setAttribute('aria-sort', i === sortBy ? (ascending ? 'ascending' : 'descending') : 'none'));
  };
  const sort = (i: number) => {
    ascending = sortBy === i ? !ascending : true;
    sortBy = i;
    render();
  };
  render();
  const csv = () => {
    const lines = [columns.map((column) => csvCell(column.title)).join(','), ...rows.map((row) => columns.map((column) => csvCell(valueOf(column, row))).join(','))];
    download(`${fileName}.csv`, URL.createObjectURL(new Blob([`\ufeff${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' })));
  };
  return h(
    'section',
    { class: 'card' },
    h('table', {}, h('caption', {}, caption), h('thead', {}, h('tr', {}, ...headers)), body),
    h('button', { type: 'button', class: 'export', onclick: csv }, t('exportCsv')),
  );
};
