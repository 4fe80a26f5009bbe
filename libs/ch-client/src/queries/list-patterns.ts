/**
 * The Patterns view: the range's patterns (groupStoredPatterns), the busiest first, with a
 * sparkline and a sample each.
 * Merged patterns' templates are saved (logs.pattern_groups) before they are returned, so their
 * ids work as filters on every replica at once.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { PatternGroupsWriter } from '../insert/save-pattern-groups';
import type { LogFilters } from '../sql/log-filters';
import { patternCountParts } from '../sql/pattern-counts';
import { selectRows } from '../sql/run-query';
import { bind, sql } from '../sql/sql';
import { groupStoredPatterns } from './group-stored-patterns';

export interface PatternListRequest {
  /** Patterns returned, busiest first. */
  limit: number;
  /** The sparklines' buckets: [fromMs, toMs) in buckets of bucketSeconds, aligned as the histogram's. */
  sparkline: { fromMs: number; toMs: number; bucketSeconds: number };
  /** Events dated before this may have expired from the raw table (see splitRange). */
  expiringBeforeMs?: number;
}

export interface PatternSummary {
  patternId: string;
  template: string;
  count: number;
  firstSeenMs: number;
  lastSeenMs: number;
  sample: string;
  /** The stored ids it stands for, busiest first. */
  storedIds: string[];
  /** Events per sparkline bucket. */
  sparkline: number[];
}

export interface PatternList {
  patterns: PatternSummary[];
  /** Events in the range under the filters. */
  totalEvents: number;
  /** Distinct stored ids among them. */
  storedIdCount: number;
  /** False when more than MAX_STORED_IDS (group-stored-patterns.ts) stored ids were in the range: only the busiest were grouped. */
  complete: boolean;
  servedBy: 'rollup' | 'raw';
}

export async function listPatterns(
  client: ClickHouseClient,
  saveGroups: PatternGroupsWriter,
  filters: LogFilters,
  request: PatternListRequest,
): Promise<PatternList> {
  const grouping = await groupStoredPatterns(client, filters, request.expiringBeforeMs);
  const listed = grouping.listed.slice(0, request.limit);
  await saveGroups(listed.filter((pattern) => pattern.members.length > 1));
  const series = await countSparklines(client, filters, listed.map((pattern) => pattern.members.map((member) => member.patternId)), request);
  return {
    patterns: listed.map((pattern, index) => ({
      patternId: pattern.patternId,
      template: pattern.template,
      count: pattern.count,
      firstSeenMs: Math.min(...pattern.members.map((member) => member.firstSeenMs)),
      lastSeenMs: Math.max(...pattern.members.map((member) => member.lastSeenMs)),
      sample: series.samples[index] ?? '',
      storedIds: pattern.members.map((member) => member.patternId),
      sparkline: series.counts[index],
    })),
    totalEvents: grouping.totalEvents,
    storedIdCount: grouping.storedIdCount,
    complete: grouping.complete,
    servedBy: grouping.servedBy,
  };
}

/** Events per sparkline bucket of each pattern (given by its stored ids), and one sample message of each. */
async function countSparklines(client: ClickHouseClient, filters: LogFilters, membersByPattern: readonly string[][], request: PatternListRequest) {
  const { fromMs, toMs, bucketSeconds } = request.sparkline;
  const bucketMs = bucketSeconds * 1000;
  const buckets = Math.max(1, Math.ceil((toMs - fromMs) / bucketMs));
  const counts = membersByPattern.map(() => new Array<number>(buckets).fill(0));
  const samples: string[] = [];
  const ids = membersByPattern.flat();
  if (ids.length === 0) return { counts, samples };
  const indexes = membersByPattern.flatMap((members, index) => members.map(() => index));
  const { parts } = patternCountParts(filters, { expiringBeforeMs: request.expiringBeforeMs, bucketSeconds, withSample: true, where: sql`pattern_id IN ${ids}` });
  const rows = await selectRows<{ pattern: number; bucket_ms: string | number; bucket_events: string | number; pattern_sample: string }>(
    client,
    sql`SELECT transform(pattern_id, ${ids}, ${bind(indexes, 'Array(UInt32)')}, toUInt32(0)) AS pattern, bucket_ms,
               sum(events) AS bucket_events, any(sample) AS pattern_sample
        FROM (${parts})
        GROUP BY pattern, bucket_ms`,
  );
  for (const row of rows) {
    const bucket = Math.floor((Number(row.bucket_ms) - fromMs) / bucketMs);
    if (bucket >= 0 && bucket < buckets) counts[row.pattern][bucket] += Number(row.bucket_events);
    samples[row.pattern] ||= row.pattern_sample;
  }
  return { counts, samples };
}
