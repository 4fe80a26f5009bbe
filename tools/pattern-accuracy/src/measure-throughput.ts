/**
 * What patterns cost: `derivePattern` per message (the ingest path), and `groupTemplates` per
 * distinct template (the Patterns view). The machine is shared, so a rate is the median of passes.
 */
import { performance } from 'node:perf_hooks';
import { derivePattern, groupTemplates, type TemplateCount } from '@logline/log-patterns';
import { createSyntheticMessages } from './synthetic-messages';

export interface SampleThroughput {
  /** `derivePattern` on the samples: median of the passes after one warm-up. */
  readonly messagesPerSecond: number;
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
    const started = performance.now();
    deriveAll(messages);
    rates.push(messages.length / ((performance.now() - started) / 1000));
  }
  return { messagesPerSecond: median(rates) };
}

/** Derives `total` synthetic messages made in chunks (so memory stays small), then groups their templates. */
export function measureSyntheticThroughput(samples: readonly string[], total: number): SyntheticThroughput {
  const counts = new Map<string, TemplateCount & { count: number }>();
  let deriveMilliseconds = 0;
  for (let first = 0; first < total; first += CHUNK) {
    const messages = createSyntheticMessages(samples, first, Math.min(CHUNK, total - first));
    const started = performance.now();
    const patterns = messages.map(derivePattern);
    deriveMilliseconds += performance.now() - started;
    for (const { patternId, template } of patterns) {
      const counted = counts.get(patternId);
      if (counted === undefined) counts.set(patternId, { template, count: 1 });
      else counted.count++;
    }
  }
  const started = performance.now();
  const groups = groupTemplates([...counts.values()]);
  const groupingMilliseconds = performance.now() - started;
  return {
    messages: total,
    messagesPerSecond: total / (deriveMilliseconds / 1000),
    distinctTemplates: counts.size,
    groupingMilliseconds,
    patterns: groups.length,
  };
}

function deriveAll(messages: readonly string[]): void {
  for (const message of messages) derivePattern(message);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
