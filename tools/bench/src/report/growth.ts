/**
 * How cost grows with the data: each full run keeps its figures for its dataset size in
 * docs/benchmark-growth.json (committed, so runs of other sizes on other checkouts add to it; the
 * next run of the same size replaces them), and docs/benchmarks.md shows every size side by side
 * with the targets for the largest.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { QUERIES } from '../queries/catalogue';
import { fixed, mib, verdict } from './format';
import type { BenchResults } from './results';

/** Issue 23's targets at 100 million events. */
export const GROWTH_TARGETS = Object.freeze({ maxQueryMs: 300, maxRssMiB: 1024, maxReadyMs: 5000 });

export interface GrowthPoint {
  events: number;
  date: string;
  /** Median through the api per query key (the export: its whole stream). */
  apiMs: Record<string, number>;
  apiRssMaxMiB: number;
  apiReadyMs: number;
  apiFirstPageMs: number;
  bytesOnDisk: number;
  loadRowsPerSecond: number;
}

export const GROWTH_HEADING = '## Growth';

/** Adds (or replaces) this run's size in the file. */
export function saveGrowthPoint(path: string, results: BenchResults): void {
  const { load, queries } = results;
  const point: GrowthPoint = {
    events: load.events,
    date: results.date,
    apiMs: Object.fromEntries(Object.entries(queries.api).map(([key, timing]) => [key, timing.ms])),
    apiRssMaxMiB: queries.apiRssMaxMiB,
    apiReadyMs: queries.apiReadyMs,
    apiFirstPageMs: queries.apiFirstPageMs,
    bytesOnDisk: load.bytesOnDisk,
    loadRowsPerSecond: load.rowsPerSecond,
  };
  const points = [...readGrowthPoints(path).filter((kept) => kept.events !== point.events), point].sort((a, b) => a.events - b.events);
  writeFileSync(path, JSON.stringify(points, null, 2) + '\n');
}

export function readGrowthPoints(path: string): GrowthPoint[] {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GrowthPoint[]) : [];
}

/** The Markdown section: one column per dataset size, the growth between the two largest, the targets. */
export function renderGrowth(points: readonly GrowthPoint[]): string {
  if (points.length === 0) return '';
  const last = points[points.length - 1];
  const before = points.length > 1 ? points[points.length - 2] : undefined;
  // A size without a figure ran before its row was added to the bench: "n/a", as is its growth.
  const shown = (value: number, format: (value: number) => string) => (Number.isFinite(value) ? format(value) : 'n/a');
  const growth = (pick: (point: GrowthPoint) => number) => (before ? shown(pick(last) / pick(before), (ratio) => `${fixed(ratio, 2)}x`) : 'n/a');
  const row = (what: string, pick: (point: GrowthPoint) => number, format: (value: number) => string, target: string) =>
    `| ${what} | ${points.map((point) => shown(pick(point), format)).join(' | ')} | ${growth(pick)} | ${target} |`;
  const ms = (value: number) => `${fixed(value)} ms`;
  const t = GROWTH_TARGETS;
  const queryRows = QUERIES.map((spec) => {
    const pick = (point: GrowthPoint) => point.apiMs[spec.key] ?? NaN;
    const target = spec.throughput ? 'grows with its result' : verdict(pick(last) <= t.maxQueryMs, `≤ ${t.maxQueryMs} ms`);
    return row(spec.label, pick, ms, target);
  });
  const sizes = points.map((point) => `${(point.events / 1e6).toLocaleString('en-US')}M events`);
  return [
    GROWTH_HEADING,
    '',
    `Each full \`npm run bench -- --events N\` replaces its own column (${points.map((point) => `${(point.events / 1e6).toLocaleString('en-US')}M on ${point.date.slice(0, 10)}`).join(', ')}).`,
    before
      ? `"growth" is the largest size's figure over the one before it (${fixed(last.events / before.events, 0)}x the data); targets are for the largest size.`
      : 'Targets are for the largest size; "growth" needs a second size.',
    'Medians through the api over HTTP; the figures are from different runs, so machine noise is in them.',
    '',
    `| what | ${sizes.join(' | ')} | growth | target |`,
    `| --- | ${sizes.map(() => '---').join(' | ')} | --- | --- |`,
    ...queryRows,
    row('api RSS under the query load', (p) => p.apiRssMaxMiB, (v) => `${fixed(v, 0)} MiB`, verdict(last.apiRssMaxMiB <= t.maxRssMiB, `≤ ${t.maxRssMiB} MiB`)),
    row('api start → health answers', (p) => p.apiReadyMs, ms, verdict(last.apiReadyMs <= t.maxReadyMs, `≤ ${t.maxReadyMs} ms`)),
    row('api start → first latest-100 page', (p) => p.apiFirstPageMs, ms, verdict(last.apiFirstPageMs <= t.maxReadyMs, `≤ ${t.maxReadyMs} ms`)),
    row('disk (table, indexes, rollups of application_logs)', (p) => p.bytesOnDisk, mib, ''),
    row('engine insert ceiling', (p) => p.loadRowsPerSecond, (v) => `${fixed(v / 1000, 0)}k rows/s`, ''),
    '',
  ].join('\n');
}
