/** Builds the real api over the real embedded engine for route tests, wired as server.ts wires it. */
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { openStorage, type Storage } from '@logline/ch-client';
import { closeTestStorage, openTestStorage, testDataDir } from '@logline/ch-client/testing';
import { buildApp } from '../src/app';
import type { AlertEvaluator } from '../src/alerts/alert-evaluator';
import { loadAlertRules } from '../src/alerts/load-alert-rules';
import { TokenStore } from '../src/auth/token-store';
import { loadConfig, type ApiConfig } from '../src/config';
import type { IngestPipeline } from '../src/ingest/ingest-pipeline';
import { createApiServices } from '../src/services';

export interface TestApi {
  app: FastifyInstance;
  /** The engine's clients, for tests that look at the tables directly. */
  storage: Storage;
  ingest: IngestPipeline;
  config: ApiConfig;
  /** The alert evaluator over ALERT_RULES_FILE; not started: tests call evaluate(). */
  alerts: AlertEvaluator;
  close(): Promise<void>;
}

/** `restart`: keep what an api closed before stored in this worker's data directory (as a restarted process would). */
export async function startTestApi(env: Record<string, string> = {}, tokens = new TokenStore([]), { restart = false } = {}): Promise<TestApi> {
  const config = loadConfig({ INGEST_TCP_PORT: '0', API_PORT: '0', INGEST_FLUSH_MS: '5', ...env });
  const storage = restart ? openStorage({ dataDir: testDataDir() }) : await openTestStorage();
  const log = pino({ level: 'silent' });
  const services = createApiServices(config, storage, log, { tokens, alertRules: loadAlertRules(config.alerts.rulesFile) });
  services.store.warmUp();
  const app = await buildApp(services, { loggerInstance: log });
  return {
    app,
    storage,
    ingest: services.ingest,
    config,
    alerts: services.alerts,
    close: async () => {
      await services.close(() => app.close());
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
