// Shapes a stats answer for the explorer's stats mode: a table of the groups and a line chart of
// the first function over time, one line per group (the busiest first), as SVG geometry. A
// pattern shows as its template, linked to the explorer filtered to it.
import type { StatsResult } from '@logline/api-contract';
import { PATTERN_FIELD, statsSearchText } from '@logline/search-syntax';
import type { LogFilters } from '../filters/log-filters';
import { axisLabel, CHART_HEIGHT, CHART_WIDTH, describeBucket } from './histogram-view';
import { logsPageHref } from './page-links';
import { splitTemplate, type TemplatePart } from './patterns-page';

/** Distinct line colours in app.css (series-0 … series-7); later groups reuse them. */
const SERIES_CLASSES = 8;

export interface StatsLine {
  readonly label: string;
  readonly className: string;
  /** An SVG path: a gap where the function had no value. */
  readonly path: string;
}

export interface StatsChart {
  readonly width: number;
  readonly height: number;
  readonly caption: string;
  readonly peak: string;
  readonly lines: readonly StatsLine[];
  readonly labels: readonly { text: string; anchor: string }[];
}

export interface StatsCell {
  readonly text: string;
  readonly numeric: boolean;
  /** A pattern's template, cut at its variables, and the explorer showing its events. */
  readonly pattern?: { readonly parts: readonly TemplatePart[]; readonly href: string };
}

export interface StatsView {
  readonly headers: readonly { label: string; numeric: boolean }[];
  readonly rows: readonly { cells: readonly StatsCell[] }[];
  readonly summary: string;
  readonly chart?: StatsChart;
}

export function buildStatsView(stats: StatsResult, filters: LogFilters): StatsView {
  const groups = stats.rows.length;
  return {
    headers: [...stats.by.map((label) => ({ label, numeric: false })), ...stats.functions.map((label) => ({ label, numeric: true }))],
    rows: stats.rows.map((row) => ({
      cells: [
        ...row.by.map((value, index) => groupCell(stats, filters, index, value)),
        ...row.values.map((value) => ({ text: formatValue(value), numeric: true })),
      ],
    })),
    summary: `${groups} ${groups === 1 ? 'group' : 'groups'}${stats.has_more ? ', the busiest shown' : ''}`,
    chart: buildChart(stats),
  };
}

function groupCell(stats: StatsResult, filters: LogFilters, index: number, value: string): StatsCell {
  const text = groupText(stats, index, value);
  if (stats.by[index] !== PATTERN_FIELD) return { text, numeric: false };
  // The search before the pipe, narrowed to the pattern: the events this row counted.
  const q = `${statsSearchText(filters.q ?? '')} ${PATTERN_FIELD}:${value}`.trim();
  const href = logsPageHref({ ...filters, q, cursor: undefined, before: undefined, live: false });
  return { text, numeric: false, pattern: { parts: splitTemplate(text), href } };
}

/** A group's value as shown: '(none)' for an absent attribute, a pattern's template for its id. */
function groupText(stats: StatsResult, index: number, value: string): string {
  if (stats.by[index] === PATTERN_FIELD) return stats.pattern_templates?.[value] ?? value;
  return value === '' ? '(none)' : value;
}

/** Numbers with separators and at most 2 decimals (3 significant digits below 1); — where there was no number. */
export function formatValue(value: number | null): string {
  if (value === null) return '—';
  if (Math.abs(value) >= 1 || value === 0) return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return String(Number(value.toPrecision(3)));
}

function buildChart(stats: StatsResult): StatsChart | undefined {
  const overTime = stats.over_time;
  if (!overTime || overTime.series.length === 0 || overTime.buckets.length === 0) return undefined;
  const firstValues = overTime.series.map((series) => series.values[0] ?? []);
  const peak = Math.max(0, ...firstValues.flat().filter((value): value is number => value !== null));
  const step = CHART_WIDTH / Math.max(1, overTime.buckets.length - 1);
  const y = (value: number) => (peak === 0 ? CHART_HEIGHT : CHART_HEIGHT - (value / peak) * CHART_HEIGHT);
  const lines = overTime.series.map((series, index) => ({
    label: series.by.length === 0 ? 'all events' : series.by.map((value, index) => groupText(stats, index, value)).join(' · '),
    className: `series series-${index % SERIES_CLASSES}`,
    path: linePath(firstValues[index], step, y),
  }));
  const last = overTime.buckets.length - 1;
  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    caption: `${stats.functions[0]} per ${describeBucket(overTime.bucket_seconds)}`,
    peak: formatValue(peak),
    lines,
    labels: [
      { text: axisLabel(overTime.buckets[0], overTime.bucket_seconds), anchor: 'start' },
      { text: axisLabel(overTime.buckets[Math.floor(last / 2)], overTime.bucket_seconds), anchor: 'middle' },
      { text: axisLabel(overTime.buckets[last], overTime.bucket_seconds), anchor: 'end' },
    ],
  };
}

/** `M x y L x y …`, a new stroke after a bucket without a value; a lone point is a dot (`h0` with round caps). */
function linePath(values: readonly (number | null)[], step: number, y: (value: number) => number): string {
  const strokes: string[][] = [[]];
  values.forEach((value, index) => {
    if (value === null) {
      if (strokes[strokes.length - 1].length > 0) strokes.push([]);
      return;
    }
    strokes[strokes.length - 1].push(`${(index * step).toFixed(2)} ${y(value).toFixed(2)}`);
  });
  return strokes
    .filter((points) => points.length > 0)
    .map((points) => (points.length === 1 ? `M${points[0]} h0` : `M${points.join(' L')}`))
    .join(' ');
}
