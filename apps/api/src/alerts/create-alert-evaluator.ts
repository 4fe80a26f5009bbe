/** Wires the alert evaluator for the api: rules, webhook sender and notifier, from the config. */
import type { FastifyBaseLogger } from 'fastify';
import type { ApiConfig } from '../config';
import type { ApiMetrics } from '../metrics';
import type { AlertRules } from './alert-rule';
import { AlertEvaluator, type AlertStore } from './alert-evaluator';
import { AlertNotifier } from './alert-notifier';
import { WebhookSender } from './webhook-sender';

/** The first retry of a webhook waits this long; later ones double it. */
const FIRST_RETRY_DELAY_MS = 500;

export function createAlertEvaluator(
  config: ApiConfig['alerts'],
  rules: AlertRules,
  store: AlertStore,
  metrics: ApiMetrics,
  log: FastifyBaseLogger,
): AlertEvaluator {
  const sender = new WebhookSender({ timeoutMs: config.webhookTimeoutMs, maxRetries: config.webhookRetries, firstRetryDelayMs: FIRST_RETRY_DELAY_MS });
  const notifier = new AlertNotifier(rules.receivers, sender, metrics, log);
  return new AlertEvaluator({ rules: rules.rules, store, notifier, metrics, log, intervalMs: config.evalIntervalMs });
}
