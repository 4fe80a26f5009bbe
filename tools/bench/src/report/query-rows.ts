/** One table row per explorer request: api latency, the in-process baseline, server mode, PostgreSQL, targets. */
import type { QuerySpec } from '../queries/catalogue';
import type { BenchResults } from './results';
import { fixed, thousands, type TableRow } from './format';
import { MAX_ANY_QUERY_MS, MAX_API_OVERHEAD, QUERY_TARGETS } from './targets';

export function queryRow(spec: QuerySpec, results: BenchResults): TableRow {
  const api = results.queries.api[spec.key];
  const server = results.queries.serverApi[spec.key];
  const library = results.queries.library[spec.key];
  const pg = results.postgres?.queries[spec.key];
  const overhead = api.ms / library.ms;
  const pgRatio = pg ? pg.ms / api.ms : NaN;
  const checks: [string, boolean][] = [[`API ≤ ${MAX_API_OVERHEAD}x raw`, overhead <= MAX_API_OVERHEAD]];
  if (spec.throughput) {
    const perSecond = (ms: number, rows: number) => `${thousands((rows / ms) * 1000)} rows/s`;
    return {
      group: 'query',
      what: `${spec.label} (${thousands(api.rows ?? 0)} rows)`,
      figure: perSecond(api.ms, api.rows ?? 0),
      comparison:
        `raw ${perSecond(library.ms, library.rows)} (API ${fixed(overhead, 2)}x the time); server mode ${perSecond(server.ms, server.rows ?? 0)}` +
        (pg ? `; PostgreSQL ${perSecond(pg.ms, pg.rows)}` : ''),
      target: describe(checks),
    };
  }
  const target = QUERY_TARGETS[spec.key] ?? {};
  checks.push([`≤ ${MAX_ANY_QUERY_MS} ms`, api.ms <= MAX_ANY_QUERY_MS]);
  if (target.maxApiMs !== undefined) checks.push([`≤ ${target.maxApiMs} ms`, api.ms <= target.maxApiMs]);
  if (target.minPgRatio !== undefined && pg) checks.push([`PG ≥ ${target.minPgRatio}x`, pgRatio >= target.minPgRatio]);
  if (target.maxPgMultiple !== undefined && pg) checks.push([`≤ ${target.maxPgMultiple}x PostgreSQL`, api.ms <= target.maxPgMultiple * pg.ms]);
  return {
    group: 'query',
    what: spec.label,
    figure: `${fixed(api.ms)} ms`,
    comparison:
      `raw ${fixed(library.ms)} ms (API ${fixed(overhead, 2)}x); server mode ${fixed(server.ms)} ms (${fixed(server.ms / api.ms, 2)}x embedded)` +
      (pg ? `; PostgreSQL ${fixed(pg.ms)} ms (PG/API ${fixed(pgRatio, 2)}x)` : ''),
    target: describe(checks),
  };
}

/**
 * The engine's own least time for the rare-word page beside what the page took: how much of the
 * target is left once the matches are found and ordered.
 */
export function rareFloorRow({ queries }: BenchResults): TableRow {
  const { rareMatches, rareCountMs, rareOrderedMs } = queries.floors;
  return {
    group: 'query',
    what: `rare-word engine floor (${thousands(rareMatches)} matches; no api, no page columns)`,
    figure: `${fixed(rareOrderedMs)} ms`,
    comparison:
      `matches found by the text index (count) ${fixed(rareCountMs)} ms; ordered by time (timestamp, row key only) ${fixed(rareOrderedMs)} ms; ` +
      `the page with every column: raw ${fixed(queries.library.rare.ms)} ms`,
    target: '',
  };
}

/**
 * The engine's own least time for a lookup by id beside what the lookups took: any query through
 * the client, and reading a trace's rows by their primary key once their times are known.
 */
export function lookupFloorRow({ queries }: BenchResults): TableRow {
  const { queryFloorMs, keyReadMs } = queries.floors;
  return {
    group: 'query',
    what: 'lookup engine floor (no api, rows already located)',
    figure: `${fixed(keyReadMs)} ms`,
    comparison:
      `any query through the client (SELECT 1 with a parameter) ${fixed(queryFloorMs)} ms; a trace's rows read by primary key ${fixed(keyReadMs)} ms; ` +
      `the lookups raw: trace ${fixed(queries.library.trace.ms)} ms, request ${fixed(queries.library.request.ms)} ms`,
    target: '',
  };
}

/**
 * The engine's own least time for the patterns list beside what the list took: counting the range's
 * stored ids in the rollup, before any grouping, template or sparkline.
 */
export function patternsFloorRow({ queries }: BenchResults): TableRow {
  const { patternIds, patternCountMs } = queries.floors;
  return {
    group: 'query',
    what: `patterns engine floor (${thousands(patternIds)} stored ids in 24 h; no api, no grouping)`,
    figure: `${fixed(patternCountMs)} ms`,
    comparison: `the rollup's minutes counted per stored id, busiest first; the list raw: ${fixed(queries.library.patterns.ms)} ms`,
    target: '',
  };
}

function describe(checks: readonly [string, boolean][]): string {
  const missed = checks.filter(([, met]) => !met).map(([name]) => name);
  return missed.length === 0 ? `${checks.map(([name]) => name).join(', ')}: met` : `MISSED ${missed.join(', ')}`;
}
