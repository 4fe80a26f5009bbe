// Shapes the api's histogram into SVG geometry: stacked bars by level, each a link to its range.
import type { Histogram } from '@logline/api-contract';
import { LOG_LEVELS } from '@logline/log-schema';
import type { LogFilters } from '../filters/log-filters';
import { logsPageHref } from './page-links';

export const CHART_WIDTH = 1000;
export const CHART_HEIGHT = 90;

export interface BarSegment {
  readonly y: string;
  readonly height: string;
  readonly className: string;
}

export interface BarView {
  readonly x: string;
  readonly width: string;
  readonly href: string;
  readonly title: string;
  readonly segments: readonly BarSegment[];
}

export interface HistogramView {
  readonly width: number;
  readonly height: number;
  readonly bars: readonly BarView[];
  readonly total: string;
  readonly bucketText: string;
  readonly servedBy: string;
  readonly labels: readonly { x: string; text: string; anchor: string }[];
}

const round = (value: number) => value.toFixed(2);

export function describeBucket(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** A bucket start as an axis label, as precise as the bucket size needs. */
export function axisLabel(iso: string, bucketSeconds: number): string {
  return bucketSeconds >= 3600 ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(11, bucketSeconds < 60 ? 19 : 16);
}

export function buildHistogramView(histogram: Histogram, filters: LogFilters): HistogramView {
  const buckets = histogram.buckets;
  const peak = Math.max(1, ...buckets.map((bucket) => bucket.total));
  const barWidth = CHART_WIDTH / Math.max(1, buckets.length);
  const bars = buckets.map((bucket, index): BarView => {
    let top = CHART_HEIGHT;
    const segments = LOG_LEVELS.filter((level) => (bucket.counts[level] ?? 0) > 0).map((level) => {
      const height = ((bucket.counts[level] ?? 0) / peak) * CHART_HEIGHT;
      top -= height;
      return { y: round(top), height: round(height), className: `bar bar-${level.toLowerCase()}` };
    });
    return {
      x: round(index * barWidth),
      width: round(Math.max(1, barWidth - 1)),
      href: logsPageHref({ ...filters, from: bucket.start, to: bucket.end }),
      title: `${bucket.total.toLocaleString('en-US')} events, ${bucket.start.slice(0, 19).replace('T', ' ')} – ${bucket.end.slice(11, 19)} UTC`,
      segments,
    };
  });
  const labelAt = (index: number, anchor: string) => ({
    x: round(Math.min(CHART_WIDTH, index * barWidth)),
    text: axisLabel(buckets[Math.min(index, buckets.length - 1)]?.start ?? histogram.from, histogram.bucket_seconds),
    anchor,
  });
  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    bars,
    total: buckets.reduce((sum, bucket) => sum + bucket.total, 0).toLocaleString('en-US'),
    bucketText: describeBucket(histogram.bucket_seconds),
    servedBy: histogram.served_by === 'rollup' ? 'per-minute rollup' : 'raw events',
    labels: buckets.length === 0 ? [] : [labelAt(0, 'start'), labelAt(Math.floor(buckets.length / 2), 'middle'), labelAt(buckets.length - 1, 'end')],
  };
}
