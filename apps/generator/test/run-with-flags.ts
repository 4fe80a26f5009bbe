import { parseConfig } from '../src/config';
import type { DeliveryObserver } from '../src/metrics/generator-metrics';
import { runGenerator } from '../src/run-generator';
import type { ProducerStats } from '../src/summary';

export interface RunResult {
  stats: ProducerStats[];
  warnings: string[];
}

/** Runs the generator in this process with command-line flags, collecting its warnings. */
export async function runWithFlags(
  args: string[],
  signals: { stop?: AbortSignal; abandon?: AbortSignal; observer?: DeliveryObserver } = {},
): Promise<RunResult> {
  const result = parseConfig(args);
  if (result.kind !== 'ok') throw new Error(`bad flags: ${JSON.stringify(result)}`);
  const warnings: string[] = [];
  const stats = await runGenerator(result.config, {
    stop: signals.stop ?? new AbortController().signal,
    abandon: signals.abandon ?? new AbortController().signal,
    warn: (message) => warnings.push(message),
    observer: signals.observer,
  });
  return { stats, warnings };
}
