/**
 * The api's parts wired together over one storage: the store, the ingest pipeline, the live tail,
 * alert evaluation and metrics. server.ts runs them; the route tests build the same wiring over
 * the test engine, so what they test is what runs.
 */
import type { FastifyBaseLogger } from 'fastify';
import { Store, type Storage } from '@logline/ch-client';
import type { AlertEvaluator } from './alerts/alert-evaluator';
import type { AlertRules } from './alerts/alert-rule';
import { createAlertEvaluator } from './alerts/create-alert-evaluator';
import type { TokenStore } from './auth/token-store';
import type { ApiConfig } from './config';
import { IngestPipeline } from './ingest/ingest-pipeline';
import { InsertBroadcast } from './live/insert-broadcast';
import { TailHub } from './live/tail-hub';
import { visibilityClock } from './live/visibility-clock';
import { createMetrics, type ApiMetrics } from './metrics';

export interface ApiServices {
  readonly config: ApiConfig;
  readonly store: Store;
  readonly ingest: IngestPipeline;
  readonly metrics: ApiMetrics;
  readonly tail: TailHub;
  readonly tokens: TokenStore;
  /** Not started: server.ts starts it; tests call evaluate(). */
  readonly alerts: AlertEvaluator;
  /**
   * Stops alert evaluation at once, runs `closeListeners` (stop taking input), then stops the live
   * tail and stores everything the pipeline holds. The storage stays open: its owner closes it.
   */
  close(closeListeners: () => Promise<void>): Promise<void>;
}

export function createApiServices(
  config: ApiConfig,
  storage: Storage,
  log: FastifyBaseLogger,
  { tokens, alertRules }: { tokens: TokenStore; alertRules: AlertRules },
): ApiServices {
  const store = new Store(storage, {
    retentionDays: config.retentionDays,
    indexedAttributes: config.indexedAttributes,
    onRecentLoadError: (error) => log.warn({ err: error }, 'could not read the newest events into memory; queries answer them'),
  });
  const metrics = createMetrics();
  // The embedded engine has no writer but this api: its inserts push the live tail.
  const inserts = store.mode === 'embedded' ? new InsertBroadcast() : undefined;
  const ingest = new IngestPipeline(store, config.ingest, metrics, log, inserts);
  const tail = new TailHub(
    store,
    visibilityClock(ingest, config.tail.safetyMs),
    config.tail,
    (error) => log.warn({ err: error }, 'live tail read failed; retrying'),
    inserts,
  );
  const alerts = createAlertEvaluator(config.alerts, alertRules, store, metrics, log);
  return {
    config,
    store,
    ingest,
    metrics,
    tail,
    tokens,
    alerts,
    close: async (closeListeners) => {
      // Evaluation stops at once; notifications being sent get a few seconds while the rest closes.
      const alertsStopped = alerts.stop();
      await closeListeners();
      tail.close();
      await ingest.close();
      await alertsStopped;
    },
  };
}
