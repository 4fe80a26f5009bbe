/** The table as aligned text for the terminal and as Markdown for docs/benchmarks.md. */
import type { TableRow } from './format';
import type { BenchResults } from './results';

const HEADER: TableRow = { group: 'group', what: 'what', figure: 'figure', comparison: 'compared with', target: 'target' };
const COLUMNS = ['group', 'what', 'figure', 'comparison', 'target'] as const;

export function renderText(rows: readonly TableRow[]): string {
  const all = [HEADER, ...rows];
  const widths = COLUMNS.slice(0, 3).map((column) => Math.max(...all.map((row) => row[column].length)));
  return all
    .map((row) => [...COLUMNS.slice(0, 3).map((column, i) => row[column].padEnd(widths[i])), row.comparison, row.target ? `[${row.target}]` : ''].join('  ').trimEnd())
    .join('\n');
}

export function machineLine(results: BenchResults): string {
  const m = results.machine;
  const postgres = m.postgres ? `, ${m.postgres}` : '';
  return `${m.cpus} CPUs (nproc) × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.clickhouse}${postgres}`;
}

export function renderMarkdown(results: BenchResults, rows: readonly TableRow[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '# Benchmarks',
    '',
    `Measured by \`${results.command}\` on ${results.date.slice(0, 10)}: ${machineLine(results)}.`,
    '',
    `Latencies are medians of ${results.runs} runs after one warm-up; the end-to-end ingest rate is the median of its runs.`,
    '"raw" is the same @logline/ch-client call the api makes, run in-process with the api stopped; "API Nx" is the',
    'api\'s time over HTTP as a multiple of it. "server mode" is the same api with CLICKHOUSE_URL on the ClickHouse HTTP',
    'front (tools/clickhouse-http) over the same data: the cost of the HTTP hop to ClickHouse, not of a real server.',
    'Two cores are shared with other work, so figures are noisy.',
    'This table is replaced by each run (`npm run bench`), which keeps the sections after it; the full figures are in',
    'tools/bench/results/latest.json.',
    '',
    '| group | what | figure | compared with | target |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${COLUMNS.map((column) => cell(row[column])).join(' | ')} |`),
    '',
  ].join('\n');
}
