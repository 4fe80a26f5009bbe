/** Builds the real api over the real embedded engine for route tests. */
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Storage } from '@logline/ch-client';
import { closeTestStorage, openTestStorage } from '@logline/ch-client/testing';
import { buildApp } from '../src/app';
import type { AlertEvaluator } from '../src/alerts/alert-evaluator';
import { createAlertEvaluator } from '../src/alerts/create-alert-evaluator';
import { loadAlertRules } from '../src/alerts/load-alert-rules';
import { TokenStore } from '../src/auth/token-store';
import { loadConfig, type ApiConfig } from '../src/config';
import { IngestPipeline } from '../src/ingest/ingest-pipeline';
import { TailHub } from '../src/live/tail-hub';
import { visibilityClock } from '../src/live/visibility-clock';
import { createMetrics } from '../src/metrics';

export interface TestApi {
  app: FastifyInstance;
  storage: Storage;
  ingest: IngestPipeline;
  config: ApiConfig;
  /** The alert evaluator over ALERT_RULES_FILE; not started: tests call evaluate(). */
  alerts: AlertEvaluator;
  close(): Promise<void>;
}

export async function startTestApi(env: Record<string, string> = {}, tokens = new TokenStore([])): Promise<TestApi> {
  const config = loadConfig({ INGEST_TCP_PORT: '0', API_PORT: '0', INGEST_FLUSH_MS: '5', ...env });
  const storage = await openTestStorage();
  const log = pino({ level: 'silent' });
  const metrics = createMetrics();
  const ingest = new IngestPipeline(storage, config, metrics, log);
  ingest.recentLogs?.warmUp();
  const tail = new TailHub(storage.reader, visibilityClock(ingest, config.tail.safetyMs), config.tail.pollMs, () => undefined);
  const alerts = createAlertEvaluator(config.alerts, loadAlertRules(config.alerts.rulesFile), storage.reader, metrics, log);
  const app = await buildApp({ config, storage, ingest, metrics, tail, tokens, alerts }, { loggerInstance: log });
  return {
    app,
    storage,
    ingest,
    config,
    alerts,
    close: async () => {
      await alerts.stop();
      await app.close();
      tail.close();
      await ingest.close();
      await closeTestStorage(storage);
    },
  };
}

/** A whole hour two hours ago: recent enough for retention, stable for a whole test run. */
export const BASE_TIME_MS = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;

export function event(seq: number, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    timestamp: new Date(BASE_TIME_MS + seq * 1000).toISOString(),
    level: 'info',
    message: `event number ${seq}`,
    source: 'auth',
    producer_id: 'route-test',
    seq,
    ...overrides,
  });
}
