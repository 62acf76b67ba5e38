import { download, h } from './dom.js';
import { count, t } from './i18n.js';

type Option = Parameters<ReturnType<typeof echarts.init>['setOption']>[0];

/** A value axis whose figures are grouped as the language writes them (ECharts' own locale is English). */
export const valueAxis = (name: string, extra: Record<string, unknown> = {}) => ({ type: 'value' as const, name, axisLabel: { formatter: (value: number) => count(value) }, ...extra });

/**
 * A chart of ECharts in a labelled figure, with its PNG export. SVG rendering: the figures stay text a screen
 * reader and the browser tests can read.
 */
export const chart = (title: string, option: Option, fileName: string): HTMLElement => {
  const canvas = h('div', { class: 'chart', role: 'img', 'aria-label': title });
  const figure = h('figure', { class: 'card' }, h('figcaption', {}, title), canvas);
  const instance = echarts.init(canvas, undefined, { renderer: 'svg', height: 320 });
  instance.setOption({ animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 60, right: 20, top: 40, bottom: 30 }, ...option });
  figure.append(
    h('button', { type: 'button', class: 'export', onclick: () => download(`${fileName}.png`, instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' })) }, t('exportPng')),
  );
  new ResizeObserver(() => instance.resize()).observe(canvas);
  return figure;
};
