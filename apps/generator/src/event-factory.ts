/** Realistic synthetic events: skewed levels, per-source messages, request ids, latencies. */
import type { LogLevel } from '@logline/log-schema';
import type { EventDraft, EventSource } from './event-source';
import type { Random } from './random';
import { templatesFor } from './templates';
import { requestId } from './templates/vocabulary';

/** How often each level occurs, in percent: mostly INFO, CRITICAL very rarely. */
const LEVEL_WEIGHTS: readonly (readonly [LogLevel, number])[] = [
  ['DEBUG', 12],
  ['INFO', 75],
  ['WARNING', 9],
  ['ERROR', 3.5],
  ['CRITICAL', 0.5],
];

/** Instances per service, so `host` varies the way a small fleet's does. */
const HOSTS_PER_SOURCE = 3;

export interface EventFactoryOptions {
  random: Random;
  sources: readonly string[];
  /** Epoch milliseconds stamped as the event's time. */
  clock: () => number;
  /** Only these levels, in their usual proportions to each other; default every level. */
  levels?: readonly LogLevel[];
}

export function createEventFactory({ random, sources, clock, levels }: EventFactoryOptions): () => EventDraft {
  const weights = levels ? LEVEL_WEIGHTS.filter(([level]) => levels.includes(level)) : LEVEL_WEIGHTS;
  return () => {
    const source = random.pick(sources);
    const log_level = random.pickWeighted(weights);
    const host = `${source}-${random.int(1, HOSTS_PER_SOURCE)}`;
    const request_id = requestId(random);
    const { message, attributes } = random.pick(templatesFor(source)[log_level])(random);
    return {
      timestamp: new Date(clock()).toISOString(),
      log_level,
      message,
      source,
      host,
      attributes: { request_id, ...attributes },
    };
  };
}

/** An endless source of generated events. */
export function createGeneratedSource(options: EventFactoryOptions): EventSource {
  const makeEvent = createEventFactory(options);
  return {
    take: async (count) => Array.from({ length: count }, makeEvent),
    close: async () => undefined,
  };
}
