/** The api's Prometheus registry and the instruments the ingest and query paths update. */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { createHttpRequestHistogram, createProcessRegistry, type HttpRequestHistogram } from '@logline/metrics';

export interface ApiMetrics {
  registry: Registry;
  ingestedEvents: Counter<'transport' | 'outcome'>;
  rejectedEvents: Counter<'transport' | 'code'>;
  droppedDeadLetters: Counter;
  insertSeconds: Histogram<'table'>;
  insertRows: Histogram<'table'>;
  pendingRows: Gauge;
  logPages: Counter<'answered_by'>;
  duplicateEvents: Counter;
  syslogUdpDropped: Counter<'reason'>;
  ruleDroppedEvents: Counter<'rule'>;
  tailViewers: Gauge;
  tailPollers: Gauge;
  httpRequestSeconds: HttpRequestHistogram;
  alertFiring: Gauge<'rule'>;
  alertEvaluationSeconds: Histogram;
  alertEvaluationFailures: Counter<'rule'>;
  alertNotifications: Counter<'receiver' | 'outcome'>;
}

export function createMetrics(): ApiMetrics {
  const registry = createProcessRegistry();
  const registers = [registry];
  return {
    registry,
    ingestedEvents: new Counter({
      name: 'logline_ingest_events_total',
      help: 'Events received, by transport and outcome: accepted (stored), rejected (dead letters) or dropped_by_rule (PROCESSING_RULES_FILE).',
      labelNames: ['transport', 'outcome'],
      registers,
    }),
    rejectedEvents: new Counter({
      name: 'logline_ingest_rejections_total',
      help: 'Rejected events by transport and reason code.',
      labelNames: ['transport', 'code'],
      registers,
    }),
    droppedDeadLetters: new Counter({
      name: 'logline_ingest_dead_letters_dropped_total',
      help: 'Dead letters not stored because INGEST_MAX_PENDING_DEAD_LETTERS were already waiting for storage.',
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
    syslogUdpDropped: new Counter({
      name: 'logline_syslog_udp_dropped_total',
      help: 'Syslog UDP messages dropped, by reason: buffer_full (storage behind; UDP cannot be slowed down) or store_failed.',
      labelNames: ['reason'],
      registers,
    }),
    ruleDroppedEvents: new Counter({
      name: 'logline_processing_rule_dropped_total',
      help: 'Events a processing rule (PROCESSING_RULES_FILE) dropped, by rule: its drop rules and what its sample rules left out.',
      labelNames: ['rule'],
      registers,
    }),
    tailViewers: new Gauge({ name: 'logline_tail_viewers', help: 'Live tail streams open now.', registers }),
    tailPollers: new Gauge({
      name: 'logline_tail_pollers',
      help: 'Distinct live tail feeds (viewers with the same filters share one): polled per tick on a server, pushed by the own inserts of an embedded api.',
      registers,
    }),
    pendingRows: new Gauge({
      name: 'logline_ingest_pending_rows',
      help: 'Rows accepted and waiting to be stored.',
      registers,
    }),
    logPages: new Counter({
      name: 'logline_log_pages_total',
      help: 'Pages of GET /api/v1/logs, by what answered them: the newest events held in memory, or a query.',
      labelNames: ['answered_by'],
      registers,
    }),
    ...requestAndAlertInstruments(registers),
  };
}

/** Per-route request latency (route templates, never raw URLs) and the alert evaluator's figures. */
function requestAndAlertInstruments(registers: Registry[]) {
  return {
    httpRequestSeconds: createHttpRequestHistogram({
      name: 'logline_http_request_duration_seconds',
      help: 'HTTP requests by method, route template (unmatched for unknown paths) and status code; for read routes, the query latency by endpoint.',
      registers,
    }),
    alertFiring: new Gauge({
      name: 'logline_alert_firing',
      help: '1 while the alert rule (from ALERT_RULES_FILE) is firing, else 0.',
      labelNames: ['rule'],
      registers,
    }),
    alertEvaluationSeconds: new Histogram({
      name: 'logline_alert_evaluation_duration_seconds',
      help: "Time of one alert rule's count query.",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    alertEvaluationFailures: new Counter({
      name: 'logline_alert_evaluation_failures_total',
      help: 'Alert rule evaluations whose count query failed (the rule keeps its state).',
      labelNames: ['rule'],
      registers,
    }),
    alertNotifications: new Counter({
      name: 'logline_alert_notifications_total',
      help: 'Alert notifications by receiver and outcome (delivered, or failed after retries).',
      labelNames: ['receiver', 'outcome'],
      registers,
    }),
  };
}
