/**
 * The Dashboard: the pipeline at a glance over a recent range — events by level over time, the
 * error ratio, the busiest sources and ingest lag per source — as numbers and SVG geometry — and
 * the saved searches pinned to it. Each panel comes from its own api call and shows
 * "unavailable" on its own when that call fails.
 */
import type { AlertList, DashboardTiles, Facets, Freshness, Histogram } from '@logline/api-contract';
import type { LogFilters } from '../filters/log-filters';
import { buildTileViews, type TileView } from './dashboard-tiles';
import { buildHistogramView, type HistogramView } from './histogram-view';
import { logsPageHref } from './page-links';

export const DASHBOARD_RANGES = ['15m', '1h', '6h', '24h'] as const;
export type DashboardRange = (typeof DASHBOARD_RANGES)[number];
/** How often the page refreshes its panels. */
export const DASHBOARD_REFRESH_SECONDS = 10;

const RATIO_WIDTH = 1000;
const RATIO_HEIGHT = 60;
const ERROR_LEVELS = ['ERROR', 'CRITICAL'];

/** What the route fetched; undefined where the api call failed. */
export interface DashboardData {
  histogram?: Histogram;
  facets?: Facets;
  freshness?: Freshness;
  alerts?: AlertList;
  tiles?: DashboardTiles;
}

export interface Stat {
  readonly label: string;
  readonly value: string;
  readonly detail: string;
  readonly tone: 'ok' | 'warn' | 'bad' | 'neutral';
}

export interface ShareBar {
  readonly label: string;
  readonly href: string;
  readonly count: string;
  readonly share: string;
  /** Bar length in percent of the widest. */
  readonly width: string;
}

export interface LagRow {
  readonly source: string;
  readonly events: string;
  readonly p50: string;
  readonly p95: string;
  readonly p99: string;
  readonly lastIngested: string;
  readonly width: string;
  readonly tone: 'ok' | 'warn' | 'bad';
}

export interface RatioChart {
  readonly width: number;
  readonly height: number;
  /** SVG polyline points of the error share per bucket, 0 at the bottom, `peak` at the top. */
  readonly points: string;
  readonly area: string;
  readonly peak: string;
}

export interface DashboardPanels {
  readonly range: DashboardRange;
  readonly refreshSeconds: number;
  readonly stats: readonly Stat[];
  readonly events?: HistogramView;
  readonly ratio?: RatioChart;
  readonly sources?: readonly ShareBar[];
  readonly lag?: readonly LagRow[];
  readonly lagNote: string;
  /** The pinned saved searches; undefined when the api did not answer. */
  readonly tiles?: readonly TileView[];
  /** Said instead of tiles: none pinned, or the api did not answer. */
  readonly pinnedNote: string;
}

export interface DashboardPage extends DashboardPanels {
  readonly title: string;
  readonly ranges: readonly { label: string; href: string; active: boolean }[];
  readonly partialUrl: string;
}

export function dashboardFilters(range: DashboardRange): LogFilters {
  return { levels: [], sources: [], producerIds: [], patternIds: [], excludedPatternIds: [], from: range, limit: 100, order: 'desc', sort: 'time', live: false };
}

export function buildDashboardPage(range: DashboardRange, data: DashboardData): DashboardPage {
  return {
    title: 'Dashboard',
    ranges: DASHBOARD_RANGES.map((option) => ({ label: option, href: `/dashboard?range=${option}`, active: option === range })),
    partialUrl: `/partials/dashboard?range=${range}`,
    ...buildDashboardPanels(range, data),
  };
}

export function buildDashboardPanels(range: DashboardRange, data: DashboardData): DashboardPanels {
  const filters = dashboardFilters(range);
  return {
    range,
    refreshSeconds: DASHBOARD_REFRESH_SECONDS,
    stats: buildStats(range, data),
    events: data.histogram && buildHistogramView(data.histogram, filters),
    ratio: data.histogram && buildRatioChart(data.histogram),
    sources: data.facets && buildSourceBars(data.facets, filters),
    lag: data.freshness && buildLagRows(data.freshness),
    tiles: data.tiles && buildTileViews(data.tiles, filters),
    pinnedNote: data.tiles
      ? 'No saved search is pinned yet: use “Add to dashboard” on a saved search to follow it here.'
      : 'Pinned searches are unavailable: the api did not answer.',
    lagNote: data.freshness
      ? `event time → stored, over the last ${range}; live view adds up to ${data.freshness.tail_poll_ms + data.freshness.tail_safety_ms} ms`
      : '',
  };
}

function buildStats(range: DashboardRange, { histogram, freshness, alerts }: DashboardData): Stat[] {
  const stats: Stat[] = [];
  if (histogram) {
    const total = sum(histogram.buckets.map((bucket) => bucket.total));
    const errors = sum(histogram.buckets.map(errorCount));
    const minutes = Math.max(1, (Date.parse(histogram.to) - Date.parse(histogram.from)) / 60_000);
    const ratio = total === 0 ? 0 : errors / total;
    stats.push({ label: 'Events', value: count(total), detail: `last ${range}`, tone: 'neutral' });
    stats.push({ label: 'Events per minute', value: count(Math.round(total / minutes)), detail: 'average', tone: total === 0 ? 'warn' : 'neutral' });
    stats.push({
      label: 'Error ratio',
      value: percent(ratio),
      detail: `${count(errors)} ERROR or CRITICAL`,
      tone: ratio >= 0.1 ? 'bad' : ratio >= 0.02 ? 'warn' : 'ok',
    });
  }
  if (freshness) {
    const worst = Math.max(0, ...freshness.sources.map((source) => source.p95_ms));
    stats.push({
      label: 'Ingest lag p95',
      value: freshness.sources.length === 0 ? '—' : duration(worst),
      detail: freshness.sources.length === 0 ? 'nothing ingested recently' : 'worst source',
      tone: lagTone(worst),
    });
  }
  if (alerts) {
    const firing = alerts.rules.filter((rule) => rule.state === 'firing').length;
    stats.push({
      label: 'Alerts firing',
      value: String(firing),
      detail: alerts.rules.length === 0 ? 'no rules configured' : `of ${alerts.rules.length} rules`,
      tone: firing > 0 ? 'bad' : 'ok',
    });
  }
  return stats;
}

function buildRatioChart(histogram: Histogram): RatioChart {
  const shares = histogram.buckets.map((bucket) => (bucket.total === 0 ? 0 : errorCount(bucket) / bucket.total));
  // Scale to the highest share (at least 5%) so a low, steady ratio is still readable.
  const peak = Math.max(0.05, ...shares);
  const step = RATIO_WIDTH / Math.max(1, shares.length);
  const coords = shares.map((share, index) => `${round(index * step + step / 2)},${round(RATIO_HEIGHT - (share / peak) * RATIO_HEIGHT)}`);
  const first = shares.length === 0 ? '0' : round(step / 2);
  const last = shares.length === 0 ? '0' : round((shares.length - 1) * step + step / 2);
  return {
    width: RATIO_WIDTH,
    height: RATIO_HEIGHT,
    points: coords.join(' '),
    area: coords.length === 0 ? '' : `${first},${RATIO_HEIGHT} ${coords.join(' ')} ${last},${RATIO_HEIGHT}`,
    peak: percent(peak),
  };
}

function buildSourceBars({ facets }: Facets, filters: LogFilters): ShareBar[] {
  const values = facets.source?.values ?? [];
  const total = sum((facets.level?.values ?? []).map((value) => value.count)) || sum(values.map((value) => value.count));
  const widest = Math.max(1, ...values.map((value) => value.count));
  return values.map((value) => ({
    label: value.value,
    href: logsPageHref({ ...filters, sources: [value.value] }),
    count: count(value.count),
    share: total === 0 ? '' : percent(value.count / total),
    width: round((value.count / widest) * 100),
  }));
}

function buildLagRows(freshness: Freshness): LagRow[] {
  const worst = Math.max(1, ...freshness.sources.map((source) => source.p95_ms));
  return [...freshness.sources]
    .sort((a, b) => b.p95_ms - a.p95_ms)
    .map((source) => ({
      source: source.source,
      events: count(source.events),
      p50: duration(source.p50_ms),
      p95: duration(source.p95_ms),
      p99: duration(source.p99_ms),
      lastIngested: source.last_ingested_at.slice(0, 19).replace('T', ' '),
      width: round((source.p95_ms / worst) * 100),
      tone: lagTone(source.p95_ms),
    }));
}

function errorCount(bucket: { counts: Record<string, number> }): number {
  return sum(ERROR_LEVELS.map((level) => bucket.counts[level] ?? 0));
}

function lagTone(ms: number): 'ok' | 'warn' | 'bad' {
  return ms >= 10_000 ? 'bad' : ms >= 2_000 ? 'warn' : 'ok';
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const round = (value: number) => value.toFixed(2);
const count = (value: number) => value.toLocaleString('en-US');

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(ratio > 0 && ratio < 0.1 ? 2 : 1)}%`;
}

function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}
