/**
 * The Patterns view: events per stored pattern id over a range (the pattern rollup's GROUP BY),
 * their templates from the catalogue, grouped by groupPatterns, with a sparkline and a sample each.
 * Merged patterns' templates are saved (logs.pattern_groups) before they are returned, so their
 * ids work as filters on every replica at once.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { groupPatterns, type StoredPatternCount } from '@logline/log-patterns';
import { DATABASE, PATTERNS_TABLE } from '@logline/log-schema';
import type { PatternGroupsWriter } from '../insert/save-pattern-groups';
import type { LogFilters } from '../sql/log-filters';
import { patternCountParts } from '../sql/pattern-counts';
import { selectRows } from '../sql/run-query';
import { bind, identifier, sql } from '../sql/sql';

/** Stored ids a listing reads, busiest first: their count bounds its memory and time. */
export const MAX_STORED_IDS = 20_000;
/** Stored ids the miner groups; the others join a pattern whose template covers them. */
const MINED_IDS = 2_000;

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
  /** False when more than MAX_STORED_IDS stored ids were in the range: only the busiest were grouped. */
  complete: boolean;
  servedBy: 'rollup' | 'raw';
}

interface StoredIdCount extends StoredPatternCount {
  firstSeenMs: number;
  lastSeenMs: number;
}

export async function listPatterns(
  client: ClickHouseClient,
  saveGroups: PatternGroupsWriter,
  filters: LogFilters,
  request: PatternListRequest,
): Promise<PatternList> {
  const counted = await countStoredIds(client, filters, request.expiringBeforeMs);
  const templates = await readTemplates(client, counted.rows.map((row) => row.pattern_id));
  const items: StoredIdCount[] = counted.rows.map((row) => ({
    patternId: row.pattern_id,
    // Every stored id has a row in the catalogue (its view runs with each insert); one emptied by
    // hand leaves its ids listed under their own id.
    template: templates.get(row.pattern_id) ?? row.pattern_id,
    count: Number(row.id_events),
    firstSeenMs: Number(row.first_ms),
    lastSeenMs: Number(row.last_ms),
  }));
  const listed = groupPatterns(items, { minedIds: MINED_IDS }).slice(0, request.limit);
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
    totalEvents: Number(counted.rows[0]?.total_events ?? 0),
    storedIdCount: Number(counted.rows[0]?.stored_ids ?? 0),
    complete: !counted.truncated,
    servedBy: counted.servedBy,
  };
}

interface StoredIdRow {
  pattern_id: string;
  id_events: string | number;
  first_ms: string | number;
  last_ms: string | number;
  total_events: string | number;
  stored_ids: string | number;
}

/** Each stored id's events in the range, busiest first, with the range's totals on every row. */
async function countStoredIds(client: ClickHouseClient, filters: LogFilters, expiringBeforeMs: number | undefined) {
  const { parts, servedBy } = patternCountParts(filters, { expiringBeforeMs });
  const rows = await selectRows<StoredIdRow>(
    client,
    sql`SELECT pattern_id, sum(events) AS id_events,
               toUnixTimestamp64Milli(min(first_seen)) AS first_ms, toUnixTimestamp64Milli(max(last_seen)) AS last_ms,
               sum(id_events) OVER () AS total_events, count() OVER () AS stored_ids
        FROM (${parts})
        GROUP BY pattern_id
        ORDER BY id_events DESC, pattern_id
        LIMIT ${bind(MAX_STORED_IDS + 1, 'UInt32')}`,
  );
  return { rows: rows.slice(0, MAX_STORED_IDS), servedBy, truncated: rows.length > MAX_STORED_IDS };
}

/** The catalogue's template of each id (computed by the engine from the same rules as derivePattern). */
async function readTemplates(client: ClickHouseClient, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await selectRows<{ pattern_id: string; template: string }>(
    client,
    sql`SELECT pattern_id, any(template) AS template FROM ${identifier(`${DATABASE}.${PATTERNS_TABLE}`)}
        WHERE pattern_id IN ${ids} GROUP BY pattern_id`,
  );
  return new Map(rows.map((row) => [row.pattern_id, row.template]));
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
