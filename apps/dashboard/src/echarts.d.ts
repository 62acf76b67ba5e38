// ECharts is loaded as a classic script (/vendor/echarts/echarts.min.js): its global, typed by the npm package.
import type * as Echarts from 'echarts';

declare global {
  const echarts: typeof Echarts;
}
