/** The api's Prometheus registry and the instruments the ingest and query paths update. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ApiMetrics {
  registry: Registry;
  ingestedEvents: Counter<'transport' | 'outcome'>;
  rejectedEvents: Counter<'transport' | 'code'>;
  insertSeconds: Histogram<'table'>;
  insertRows: Histogram<'table'>;
  pendingRows: Gauge;
  duplicateEvents: Counter;
  tailViewers: Gauge;
  tailPollers: Gauge;
}

// prom-client's defaults name three gauges *_total, which promtool rejects as counter names.
const MISNAMED_DEFAULTS = ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total'];

export function createMetrics(): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  for (const name of MISNAMED_DEFAULTS) registry.removeSingleMetric(name);
  const registers = [registry];
  return {
    registry,
    ingestedEvents: new Counter({
      name: 'logline_ingest_events_total',
      help: 'Events received, by transport and outcome (accepted or rejected).',
      labelNames: ['transport', 'outcome'],
      registers,
    }),
    rejectedEvents: new Counter({
      name: 'logline_ingest_rejections_total',
      help: 'Rejected events by transport and reason code.',
      labelNames: ['transport', 'code'],
      registers,
    }),
    insertSeconds: new Histogram({
      name: 'logline_insert_duration_seconds',
      help: 'Time to store one insert batch.',
      labelNames: ['table'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    insertRows: new Histogram({
      name: 'logline_insert_batch_rows',
      help: 'Rows per insert batch.',
      labelNames: ['table'],
      buckets: [1, 10, 100, 1000, 5000, 10000, 50000],
      registers,
    }),
    duplicateEvents: new Counter({
      name: 'logline_ingest_duplicates_total',
      help: 'Events dropped because the same producer_id, seq and timestamp was already stored (retries).',
      registers,
    }),
    tailViewers: new Gauge({ name: 'logline_tail_viewers', help: 'Live tail streams open now.', registers }),
    tailPollers: new Gauge({
      name: 'logline_tail_pollers',
      help: 'Distinct live tail queries polled per tick (viewers with the same filters share one).',
      registers,
    }),
    pendingRows: new Gauge({
      name: 'logline_ingest_pending_rows',
      help: 'Rows accepted and waiting to be stored.',
      registers,
    }),
  };
}
