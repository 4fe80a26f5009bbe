/** Runs the generator (dist/apps/generator) and reads the summary line it prints per producer. */
import { readGeneratorSummaries, startApp, type GeneratorSummary, type RunningProcess } from '@logline/testing';

export interface GeneratorRun {
  code: number | null;
  seconds: number;
  summaries: GeneratorSummary[];
  output: string;
}

export interface StartedGenerator {
  app: RunningProcess;
  finish(): Promise<GeneratorRun>;
}

export interface GeneratorFlags {
  target: string;
  producer: string;
  producers: number;
  /** Events per second per producer; 0 = as fast as the target accepts. */
  rate: number;
  batch: number;
  /** Events per producer; undefined runs until stopped. */
  count?: number;
}

export function generatorArgs(flags: GeneratorFlags): string[] {
  const args = ['--target', flags.target, '--producer', flags.producer, '--producers', String(flags.producers)];
  args.push('--rate', String(flags.rate), '--batch', String(flags.batch), '--seed', '7');
  if (flags.count !== undefined) args.push('--count', String(flags.count));
  return args;
}

/** Starts a generator; `finish` (SIGINT if still running) resolves with its summaries. */
export function startGenerator(flags: GeneratorFlags): StartedGenerator {
  return startWithArgs(generatorArgs(flags));
}

/** Runs a generator with a count to its end (bounded by `timeoutMs`). */
export function runGenerator(flags: GeneratorFlags, timeoutMs: number): Promise<GeneratorRun> {
  return runToEnd(startGenerator(flags), timeoutMs);
}

export interface ReplayFlags {
  target: string;
  producer: string;
  file: string;
  source: string;
}

/** Replays a log file once as a user would, timestamps moved so its newest line is now. */
export function runReplay(flags: ReplayFlags, timeoutMs: number): Promise<GeneratorRun> {
  const args = ['--replay', flags.file, '--source', flags.source, '--replay-time', 'now', '--producer', flags.producer, '--target', flags.target];
  return runToEnd(startWithArgs(args), timeoutMs);
}

function startWithArgs(args: string[]): StartedGenerator {
  const started = performance.now();
  const app = startApp('generator', args, { LOG_LEVEL: 'warn' });
  const finish = async (): Promise<GeneratorRun> => {
    const code = await app.stop(180_000);
    const output = app.output();
    return { code, seconds: (performance.now() - started) / 1000, summaries: readGeneratorSummaries(output), output };
  };
  return { app, finish };
}

async function runToEnd(run: StartedGenerator, timeoutMs: number): Promise<GeneratorRun> {
  const timer = setTimeout(() => run.app.child.kill('SIGINT'), timeoutMs);
  await run.app.exited;
  clearTimeout(timer);
  return run.finish();
}

export const totalOf = (summaries: readonly GeneratorSummary[], field: 'sent' | 'acked' | 'failed') =>
  summaries.reduce((sum, summary) => sum + summary[field], 0);
