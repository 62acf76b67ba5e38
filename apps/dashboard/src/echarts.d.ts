// ECharts and write-excel-file are loaded as classic scripts (/vendor/…): their globals; ECharts typed by its package.
import type * as Echarts from 'echarts';

type Cell = string | number | null | { value: string | number; format?: string };

declare global {
  const echarts: typeof Echarts;
  /** write-excel-file's browser bundle (/vendor/write-excel-file/write-excel-file.min.js): rows of cells to an xlsx. */
  const writeXlsxFile: (rows: Cell[][], options?: { columns?: { width: number }[] }) => { toBlob: () => Promise<Blob> };
}
