/**
 * What patterns cost: `derivePattern` per message (the ingest path), and `groupTemplates` per
 * distinct template (the Patterns view). Timed in CPU time, which other work on a shared machine
 * disturbs far less than the wall clock; a rate on the samples is the median of passes.
 */
import { derivePattern, groupTemplates, type TemplateCount } from '@logline/log-patterns';
import { createSyntheticMessages } from './synthetic-messages';

export interface SampleThroughput {
  /** `derivePattern` on the samples: median of the passes after one warm-up. */
  readonly messagesPerSecond: number;
  readonly passes: number;
}

export interface SyntheticThroughput {
  readonly messages: number;
  /** `derivePattern` over all the synthetic messages (their generation not counted). */
  readonly messagesPerSecond: number;
  /** Distinct templates among them: the rows a Patterns view over them would group. */
  readonly distinctTemplates: number;
  /** `groupTemplates` over those templates with their counts. */
  readonly groupingMilliseconds: number;
  readonly patterns: number;
}

const PASSES = 5;
const CHUNK = 100_000;

export function measureSampleThroughput(messages: readonly string[]): SampleThroughput {
  deriveAll(messages);
  const rates: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    rates.push(messages.length / (timeCpu(() => deriveAll(messages)).milliseconds / 1000));
  }
  return { messagesPerSecond: median(rates), passes: PASSES };
}

/** Derives `total` synthetic messages made in chunks (so memory stays small), then groups their templates. */
export function measureSyntheticThroughput(samples: readonly string[], total: number): SyntheticThroughput {
  const counts = new Map<string, TemplateCount & { count: number }>();
  let deriveMilliseconds = 0;
  for (let first = 0; first < total; first += CHUNK) {
    const messages = createSyntheticMessages(samples, first, Math.min(CHUNK, total - first));
    const derived = timeCpu(() => messages.map(derivePattern));
    deriveMilliseconds += derived.milliseconds;
    for (const { patternId, template } of derived.result) {
      const counted = counts.get(patternId);
      if (counted === undefined) counts.set(patternId, { template, count: 1 });
      else counted.count++;
    }
  }
  const grouped = timeCpu(() => groupTemplates([...counts.values()]));
  return {
    messages: total,
    messagesPerSecond: total / (deriveMilliseconds / 1000),
    distinctTemplates: counts.size,
    groupingMilliseconds: grouped.milliseconds,
    patterns: grouped.result.length,
  };
}

function timeCpu<T>(work: () => T): { result: T; milliseconds: number } {
  const before = process.cpuUsage();
  const result = work();
  const spent = process.cpuUsage(before);
  return { result, milliseconds: (spent.user + spent.system) / 1000 };
}

function deriveAll(messages: readonly string[]): void {
  for (const message of messages) derivePattern(message);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
