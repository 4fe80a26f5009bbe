/** The benchmark's flags, parsed once into a frozen config; a bad flag stops the run with a reason. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WORKSPACE_ROOT } from '@logline/testing';

/** The loghub samples beside the workspace (kept out of the repo: their licence is theirs). */
const DEFAULT_REAL_LOGS = join(WORKSPACE_ROOT, '..', 'shared', 'data', 'loghub');

export interface BenchConfig {
  /** Events loaded for the query, storage and PostgreSQL figures. */
  readonly events: number;
  /** Events each end-to-end ingest run sends (all producers together). */
  readonly ingestEvents: number;
  /** Repetitions behind every median. */
  readonly runs: number;
  readonly skipPostgres: boolean;
  /** A small run to check the bench itself: its figures do not replace docs/benchmarks.md. */
  readonly quick: boolean;
  /** Seconds each step of the sustained-rate search runs. */
  readonly stepSeconds: number;
  /** Seconds producers outrun storage while the api's memory is sampled. */
  readonly pressureSeconds: number;
  /** Folder whose *.log files are replayed for the real-logs storage figure; may be missing (then skipped). */
  readonly realLogs: string;
}

export const USAGE = `Usage: npm run bench -- [flags]

  --events N       events to load (default 10000000; --quick: 200000). Generated, loaded and
                   copied to PostgreSQL in chunks of 5M, so 100000000 needs ~5 GiB for Logline,
                   ~32 GiB for PostgreSQL and one ~1.3 GiB chunk file at a time; each full run
                   also replaces its size's column of the growth table in docs/benchmarks.md
  --quick          a small run (200k events, short ingest steps) to check the bench itself;
                   its results go to tools/bench/results/quick.json, docs/benchmarks.md is kept
  --runs K         repetitions behind every median (default 5)
  --skip-pg        leave out the PostgreSQL baseline (at 100M events its load and index builds
                   take ~30-40 min of the run on 2 cores, the pg_trgm index most of it)
  --real-logs DIR  real log files (every *.log in DIR) to replay through the generator into a
                   fresh api for the storage figure on real logs (default ../shared/data/loghub
                   beside the workspace; when that folder is missing the figure is skipped)
  -h, --help       show this help`;

export function parseConfig(argv: readonly string[]): BenchConfig | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      events: { type: 'string' },
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      'skip-pg': { type: 'boolean', default: false },
      'real-logs': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const quick = values.quick === true;
  const events = readCount('--events', values.events, quick ? 200_000 : 10_000_000, 1000);
  const runs = readCount('--runs', values.runs, 5, 1);
  const realLogs = values['real-logs'] === undefined ? DEFAULT_REAL_LOGS : resolve(values['real-logs']);
  // Only the default may be missing: a folder asked for by name is a typo when it is not there.
  if (values['real-logs'] !== undefined && !existsSync(realLogs)) throw new Error(`--real-logs: no folder ${realLogs}`);
  return Object.freeze({
    events,
    ingestEvents: Math.min(1_000_000, Math.max(100_000, Math.round(events / 10))),
    runs,
    skipPostgres: values['skip-pg'] === true,
    quick,
    stepSeconds: quick ? 8 : 20,
    pressureSeconds: quick ? 20 : 60,
    realLogs,
  });
}

function readCount(flag: string, text: string | undefined, fallback: number, minimum: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${flag} must be an integer of at least ${minimum}, got '${text}'`);
  return value;
}
