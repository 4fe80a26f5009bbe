/** Builds the producers a config asks for, runs them to the end and returns their counts. */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import type { GeneratorConfig } from './config';
import { createGeneratedSource } from './event-factory';
import type { EventSource } from './event-source';
import { Pacer } from './pacer';
import { Producer } from './producer';
import { createRandom, deriveSeed, randomSeed } from './random';
import type { DeliveryObserver } from './metrics/generator-metrics';
import { createReplaySource } from './replay/replay-source';
import { Spool } from './spool';
import type { ProducerStats } from './summary';
import { createHttpTransport } from './transports/http-transport';
import { createTcpTransport } from './transports/tcp-transport';
import type { Transport, TransportContext } from './transports/transport';

/** Batches in flight per producer over HTTP: enough to keep the target busy, and bounded. */
const HTTP_CONCURRENCY = 4;

/** A problem with how the generator was started that the user must fix (exit code 2). */
export class StartupError extends Error {}

export interface RunOptions extends Pick<TransportContext, 'abandon' | 'warn'> {
  /** Aborts to stop generating; what was generated is still delivered. */
  stop: AbortSignal;
  /** Called once the producers exist, with their live counts. */
  onStart?: (stats: readonly ProducerStats[]) => void;
  clock?: () => number;
  /** Hears of every batch sent, settled and retried (the --metrics-port counters). */
  observer?: DeliveryObserver;
}

export async function runGenerator(config: GeneratorConfig, options: RunOptions): Promise<ProducerStats[]> {
  const clock = options.clock ?? Date.now;
  // Every request and retry wait in flight listens to these signals: more than Node's default
  // of 10 once several producers run.
  setMaxListeners(0, options.stop, options.abandon);
  const ids = producerIds(config);
  const spool = config.spool === undefined ? undefined : await Spool.open(config.spool);
  try {
    checkSpoolOwners(spool, config.spool, ids);
    if (spool?.unreadableLines) options.warn(`skipped ${spool.unreadableLines} unreadable lines of ${config.spool}`);
    const seed = config.seed ?? randomSeed();
    const producers = ids.map(
      (producerId, index) =>
        new Producer({
          producerId,
          source: createSource(config, deriveSeed(seed, index), clock),
          pacer: new Pacer(config.profile, config.rate, clock()),
          transport: createTransport(config, options),
          batchSize: config.batch,
          count: config.count,
          spool,
          clock,
          observer: options.observer,
        }),
    );
    options.onStart?.(producers.map((producer) => producer.stats));
    return await Promise.all(producers.map((producer) => producer.run(options.stop)));
  } finally {
    await spool?.close();
  }
}

/** `--producer ID` as given for one producer, `ID-0`, `ID-1`... for several. */
function producerIds(config: GeneratorConfig): string[] {
  const base = config.producer ?? `gen-${randomBytes(3).toString('hex')}`;
  if (config.producers === 1) return [base];
  return Array.from({ length: config.producers }, (_, index) => `${base}-${index}`);
}

function checkSpoolOwners(spool: Spool | undefined, path: string | undefined, ids: readonly string[]): void {
  const strangers = spool?.producerIds().filter((id) => !ids.includes(id)) ?? [];
  if (strangers.length > 0) {
    throw new StartupError(
      `${path} holds unacknowledged events of producer ${strangers.join(', ')}; ` +
        'start with the --producer and --producers that wrote them to resend them',
    );
  }
}

function createSource(config: GeneratorConfig, seed: number, clock: () => number): EventSource {
  if (config.replay) return createReplaySource({ ...config.replay, clock });
  return createGeneratedSource({ random: createRandom(seed), sources: config.sources, levels: config.levels, clock });
}

function createTransport(config: GeneratorConfig, options: RunOptions): Transport {
  const { target } = config;
  const context = {
    retryDeadlineMs: config.retryDeadlineMs,
    abandon: options.abandon,
    warn: options.warn,
    onRetry: () => options.observer?.retried(),
    token: config.token,
  };
  if (target.kind === 'tcp') return createTcpTransport({ ...context, host: target.host, port: target.port });
  return createHttpTransport({ ...context, origin: target.origin, path: target.path, concurrency: HTTP_CONCURRENCY });
}
