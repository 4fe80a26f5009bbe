/**
 * `npm run bench`: loads N realistic events (default 10 million) with the engine's own reader — the
 * insert ceiling — then measures on this machine, in the same run: every explorer request through
 * the api and in-process through the same library call, the web page's render, storage per event
 * (also on replayed real logs), PostgreSQL 15 on the same rows and queries, end-to-end ingest
 * (HTTP, TCP) against the ceiling, the highest sustained rate and its lag, and the api's memory.
 * Prints one table, writes JSON to tools/bench/results/ and replaces the table in docs/benchmarks.md.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeHttp } from './api/http';
import { parseConfig, USAGE, type BenchConfig } from './config';
import { measureIngest } from './phases/ingest-phase';
import { CHUNK_EVENTS, loadBenchData, log } from './phases/load-phase';
import { measureQueries } from './phases/query-phase';
import { measureRealLogs } from './phases/real-logs-phase';
import { csvChunks } from './postgres/csv-chunks';
import { runPostgresBaseline } from './postgres/postgres-baseline';
import { WORKSPACE_ROOT } from '@logline/testing';
import { GROWTH_HEADING, readGrowthPoints, renderGrowth, saveGrowthPoint } from './report/growth';
import { describeMachine } from './report/machine';
import { renderMarkdown, renderText, machineLine } from './report/render';
import type { BenchResults } from './report/results';
import { tableRows } from './report/table';

async function bench(config: BenchConfig, command: string): Promise<BenchResults> {
  const work = mkdtempSync(join(tmpdir(), 'logline-bench-'));
  // The PostgreSQL server reads the CSV as the postgres user.
  chmodSync(work, 0o755);
  try {
    const loaded = await loadBenchData(work, config.events);
    const queries = await measureQueries(loaded.dataDir, loaded.nowMs, config.events, config.runs);
    let postgres;
    if (!config.skipPostgres) {
      log('PostgreSQL baseline: load, index, query');
      const slices = Math.ceil(config.events / CHUNK_EVENTS);
      const nextCsv = csvChunks({ work, dataDir: loaded.dataDir, nowMs: loaded.nowMs, slices });
      postgres = await runPostgresBaseline(nextCsv, config.events, queries.context, config.runs);
    }
    rmSync(loaded.dataDir, { recursive: true, force: true });
    const realLogs = await measureRealLogs(work, config.realLogs);
    const ingest = await measureIngest(work, config);
    const machine = describeMachine(loaded.engineVersion, postgres?.version);
    return { date: new Date().toISOString(), command, runs: config.runs, machine, load: loaded.figures, queries: queries.figures, postgres, realLogs, ...ingest };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function report(results: BenchResults, quick: boolean): void {
  const rows = tableRows(results);
  process.stdout.write(`\n${machineLine(results)}\n\n${renderText(rows)}\n\n`);
  const folder = join(WORKSPACE_ROOT, 'tools', 'bench', 'results');
  mkdirSync(folder, { recursive: true });
  const json = join(folder, quick ? 'quick.json' : 'latest.json');
  writeFileSync(json, JSON.stringify(results, null, 2) + '\n');
  process.stdout.write(`wrote ${json}\n`);
  if (quick) return;
  const growth = join(WORKSPACE_ROOT, 'docs', 'benchmark-growth.json');
  saveGrowthPoint(growth, results);
  const document = join(WORKSPACE_ROOT, 'docs', 'benchmarks.md');
  writeFileSync(document, `${renderMarkdown(results, rows)}\n${renderGrowth(readGrowthPoints(growth))}${readOtherSections(document)}`);
  process.stdout.write('replaced the table and the growth section in docs/benchmarks.md\n');
}

/** The "## " sections other commands keep in docs/benchmarks.md (`npm run patterns:accuracy`). */
function readOtherSections(path: string): string {
  if (!existsSync(path)) return '';
  const sections = readFileSync(path, 'utf8').split(/\n(?=## )/).slice(1);
  return sections.filter((section) => !section.startsWith(GROWTH_HEADING)).map((section) => `\n${section}`).join('');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const config = parseConfig(argv);
  if (config === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const command = ['npm run bench', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' ');
  report(await bench(config, command), config.quick);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => closeHttp());
