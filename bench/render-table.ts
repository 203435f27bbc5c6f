import type { BenchResult } from './benchmark';

/** Table cells are single-line Markdown: a pipe would end the cell. */
const cell = (value: string) => value.replaceAll('|', '\\|').replaceAll('\n', ' ');

const figure = (value: number | string) => (typeof value === 'number' ? value.toLocaleString('en') : value);

/** The results as a Markdown table: benchmark | figure | unit | notes. */
export function renderTable(results: readonly BenchResult[]): string {
  const lines = ['| benchmark | figure | unit | notes |', '|---|---:|---|---|'];
  for (const r of results) lines.push(`| ${cell(r.benchmark)} | ${cell(figure(r.figure))} | ${cell(r.unit)} | ${cell(r.notes)} |`);
  return `${lines.join('\n')}\n`;
}
