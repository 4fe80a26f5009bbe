/**
 * Evaluates every alert rule on a schedule: one time-bounded count per rule over
 * [now - window, now), then the state machine, notifications on firing and resolution, and the
 * firing gauge. Rounds never overlap; a round that fails for a rule keeps that rule's state.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '@logline/ch-client';
import { LOG_LEVELS } from '@logline/log-schema';
import type { ApiMetrics } from '../metrics';
import type { AlertRule } from './alert-rule';
import type { AlertNotifier, NotificationRecord } from './alert-notifier';
import { initialPhase, nextPhase, type AlertPhase } from './alert-state';

export interface RuleStatus {
  readonly rule: AlertRule;
  phase: AlertPhase;
  /** Matching events (new patterns, for a new-pattern rule) in the window at the last successful evaluation. */
  lastCount?: number;
  /** When the rule was last evaluated (successfully or not), epoch ms. */
  lastEvaluationMs?: number;
  /** Why the last evaluation failed; cleared by a successful one. */
  lastError?: string;
  lastNotification?: NotificationRecord;
}

/** Where rules' counts come from. */
export type AlertCounter = Pick<Store, 'countLogs' | 'findNewPatterns'>;

export interface AlertEvaluatorOptions {
  rules: readonly AlertRule[];
  store: AlertCounter;
  notifier: AlertNotifier;
  metrics: ApiMetrics;
  log: FastifyBaseLogger;
  intervalMs: number;
  clock?: () => number;
}

export class AlertEvaluator {
  private readonly statuses: RuleStatus[];
  private readonly clock: () => number;
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private stopped = false;

  constructor(private readonly options: AlertEvaluatorOptions) {
    this.clock = options.clock ?? Date.now;
    const now = this.clock();
    this.statuses = options.rules.map((rule) => ({ rule, phase: initialPhase(now) }));
    for (const { rule } of this.statuses) options.metrics.alertFiring.set({ rule: rule.name }, 0);
  }

  get intervalMs(): number {
    return this.options.intervalMs;
  }

  /** Every rule with its current state, in file order. */
  list(): readonly RuleStatus[] {
    return this.statuses;
  }

  /** Evaluates now and then every interval until stop(). Without rules it does nothing. */
  start(): void {
    if (this.statuses.length > 0 && !this.stopped) this.schedule(0);
  }

  /** One round over every rule, at the clock's current time. */
  async evaluate(): Promise<void> {
    const nowMs = this.clock();
    for (const status of this.statuses) {
      if (this.stopped) return;
      await this.evaluateRule(status, nowMs);
    }
  }

  /** Stops scheduling, lets a running round finish, and gives notifications `graceMs` to be sent. */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
    await this.options.notifier.close(graceMs);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      const startedMs = this.clock();
      const round = this.evaluate().catch((error: unknown) => this.options.log.error({ err: error }, 'alert evaluation round failed'));
      this.round = round.finally(() => {
        this.round = undefined;
        if (this.stopped) return;
        // Keep to the interval's rhythm; a round that overran skips to the next beat.
        const elapsed = this.clock() - startedMs;
        this.schedule(this.intervalMs - (elapsed % this.intervalMs));
      });
    }, delayMs);
  }

  /** Events matching the rule in its window; for a new-pattern rule, the new patterns among them. */
  private async countInWindow(rule: AlertRule, nowMs: number): Promise<number> {
    const window = { fromMs: nowMs - rule.windowMs, toMs: nowMs };
    if (rule.condition.kind !== 'new_pattern') return this.options.store.countLogs(rule.filters, window);
    const levels = LOG_LEVELS.slice(LOG_LEVELS.indexOf(rule.condition.minLevel));
    const fresh = await this.options.store.findNewPatterns({ ...rule.filters, ...window, levels }, window.fromMs);
    return fresh.length;
  }

  private async evaluateRule(status: RuleStatus, nowMs: number): Promise<void> {
    const { rule } = status;
    const { metrics, log } = this.options;
    status.lastEvaluationMs = nowMs;
    const stopTimer = metrics.alertEvaluationSeconds.startTimer();
    let count: number;
    try {
      count = await this.countInWindow(rule, nowMs);
    } catch (error) {
      metrics.alertEvaluationFailures.inc({ rule: rule.name });
      status.lastError = (error as Error).message.slice(0, 500);
      log.warn({ err: error, rule: rule.name }, 'alert rule evaluation failed; its state is kept');
      return;
    } finally {
      stopTimer();
    }
    status.lastCount = count;
    status.lastError = undefined;
    const holds = rule.condition.kind === 'threshold' ? count > rule.condition.threshold : rule.condition.kind === 'absent' ? count === 0 : count > 0;
    const previous = status.phase;
    const step = nextPhase(previous, holds, nowMs, rule.forMs);
    status.phase = step.phase;
    metrics.alertFiring.set({ rule: rule.name }, step.phase.state === 'firing' ? 1 : 0);
    if (!step.notify) return;
    log.info({ rule: rule.name, count }, 'alert %s', step.notify);
    const startsAtMs = step.notify === 'firing' ? (step.phase.activeSinceMs ?? nowMs) : (previous.activeSinceMs ?? previous.sinceMs);
    const notice = { status: step.notify, rule, count, startsAtMs, endsAtMs: step.notify === 'resolved' ? nowMs : undefined };
    this.options.notifier.notify(notice, (record) => (status.lastNotification = record));
  }
}
