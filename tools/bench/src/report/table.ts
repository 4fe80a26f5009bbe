/** Turns a run's results into the one table printed and written to docs/benchmarks.md. */
import { QUERIES, type QuerySpec } from '../queries/catalogue';
import { doorRows } from './door-rows';
import type { BenchResults } from './results';
import { lookupFloorRow, patternsFloorRow, queryRow, rareFloorRow } from './query-rows';
import { ingestRows } from './ingest-rows';
import { realLogsRows } from './real-logs-rows';
import { fixed, mib, thousands, verdict, type TableRow } from './format';
import { MIN_COMPRESSION, MIN_PG_DISK_RATIO } from './targets';

export function tableRows(results: BenchResults): TableRow[] {
  return [...loadRows(results), ...QUERIES.map((spec: QuerySpec) => queryRow(spec, results)), rareFloorRow(results), lookupFloorRow(results), patternsFloorRow(results), ...otherRows(results), ...ingestRows(results), ...doorRows(results.doors)];
}

function loadRows({ load, postgres, realLogs }: BenchResults): TableRow[] {
  const compression = load.ndjsonBytes / load.bytesOnDisk;
  const pgRatio = postgres ? postgres.load.totalBytes / load.bytesOnDisk : NaN;
  return [
    { group: 'load', what: 'engine insert ceiling (INSERT SELECT FROM file)', figure: `${thousands(load.rowsPerSecond)} rows/s`, comparison: `${thousands(load.events)} events in ${fixed(load.loadSeconds)} s; text index + rollup view`, target: '' },
    { group: 'storage', what: 'bytes on disk per event', figure: `${fixed(load.bytesOnDisk / load.events)} B`, comparison: `raw NDJSON ${fixed(load.ndjsonBytes / load.events)} B; text index ${fixed(load.indexBytes / load.events)} B`, target: '' },
    { group: 'storage', what: 'compression vs raw NDJSON (incl. text index)', figure: `${fixed(compression, 2)}x`, comparison: `${mib(load.bytesOnDisk)} for ${mib(load.ndjsonBytes)}`, target: verdict(compression >= MIN_COMPRESSION, `≥ ${MIN_COMPRESSION}x`) },
    ...realLogsRows(realLogs),
    ...(postgres
      ? [
          { group: 'storage', what: 'PostgreSQL disk (table + indexes) vs Logline', figure: `${fixed(pgRatio, 1)}x`, comparison: `${mib(postgres.load.totalBytes)} (indexes ${mib(postgres.load.indexBytes)})`, target: verdict(pgRatio >= MIN_PG_DISK_RATIO, `≥ ${MIN_PG_DISK_RATIO}x`) },
          { group: 'postgres', what: 'COPY, then index builds, VACUUM ANALYZE', figure: `${fixed(postgres.load.copySeconds)} s`, comparison: Object.entries(postgres.load.indexSeconds).map(([name, s]) => `${name} ${fixed(s)} s`).join('; ') + `; analyze ${fixed(postgres.load.analyzeSeconds)} s`, target: '' },
        ]
      : []),
  ];
}

function otherRows({ queries }: BenchResults): TableRow[] {
  return [
    { group: 'web', what: 'GET / server render (rows, histogram, facets)', figure: `${fixed(queries.webRenderMs)} ms`, comparison: 'web → api over HTTP', target: '' },
    { group: 'memory', what: 'api RSS under the query load', figure: `${fixed(queries.apiRssMaxMiB, 0)} MiB`, comparison: 'peak of 1 s samples', target: '' },
    { group: 'start', what: 'api start on the loaded data → health answers', figure: `${fixed(queries.apiReadyMs, 0)} ms`, comparison: `first latest-100 page answered ${fixed(queries.apiFirstPageMs, 0)} ms after start`, target: '' },
  ];
}
