/**
 * Evaluates every alert rule on a schedule: one time-bounded count per rule over
 * [now - window, now), then the state machine, notifications on firing and resolution, and the
 * firing gauge. Rounds never overlap; a round that fails for a rule keeps that rule's state.
 * Rules' states live in the database, shared by every api replica and kept across restarts: a
 * round first adopts the newest recorded state of each rule, and a change is recorded before it
 * takes effect. Of replicas seeing the same change only the one whose record is kept (the store
 * decides) applies it and notifies, so each firing and resolution is sent once cluster-wide.
 */
import type { FastifyBaseLogger } from 'fastify';
import { ALERT_STATES, type AlertState } from '@logline/api-contract';
import type { Store } from '@logline/ch-client';
import { LOG_LEVELS } from '@logline/log-schema';
import type { ApiMetrics } from '../metrics';
import type { AlertRule } from './alert-rule';
import type { AlertNotifier, NotificationRecord } from './alert-notifier';
import { initialPhase, nextPhase, type AlertPhase } from './alert-state';
import { readRuleFilters } from './rule-filters';

export interface RuleStatus {
  readonly rule: AlertRule;
  phase: AlertPhase;
  /** The number of the rule's newest recorded state change; 0 before its first. */
  transition: number;
  /** Matching events (new patterns, for a new-pattern rule) in the window at the last successful evaluation. */
  lastCount?: number;
  /** When the rule was last evaluated (successfully or not), epoch ms. */
  lastEvaluationMs?: number;
  /** Why the last evaluation failed; cleared by a successful one. */
  lastError?: string;
  lastNotification?: NotificationRecord;
}

/** Where rules' counts, their shared states and the saved searches rules name come from. */
export type AlertStore = Pick<Store, 'countLogs' | 'findNewPatterns' | 'readAlertTransitions' | 'recordAlertTransition' | 'savedSearches'>;

export interface AlertEvaluatorOptions {
  rules: readonly AlertRule[];
  store: AlertStore;
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
    this.statuses = options.rules.map((rule) => ({ rule, phase: initialPhase(now), transition: 0 }));
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
    await this.adoptRecordedStates();
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
    const filters = await readRuleFilters(rule, this.options.store.savedSearches, nowMs);
    if (rule.condition.kind !== 'new_pattern') return this.options.store.countLogs(filters, window);
    const levels = LOG_LEVELS.slice(LOG_LEVELS.indexOf(rule.condition.minLevel));
    const fresh = await this.options.store.findNewPatterns({ ...filters, ...window, levels }, window.fromMs);
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
    if (step.phase !== previous && !(await this.recordChange(status, step.phase))) return;
    status.phase = step.phase;
    metrics.alertFiring.set({ rule: rule.name }, step.phase.state === 'firing' ? 1 : 0);
    if (!step.notify) return;
    log.info({ rule: rule.name, count }, 'alert %s', step.notify);
    const startsAtMs = step.notify === 'firing' ? (step.phase.activeSinceMs ?? nowMs) : (previous.activeSinceMs ?? previous.sinceMs);
    const notice = { status: step.notify, rule, count, startsAtMs, endsAtMs: step.notify === 'resolved' ? nowMs : undefined };
    this.options.notifier.notify(notice, (record) => (status.lastNotification = record));
  }

  /** Takes each rule's newest recorded state where another replica (or an earlier run) recorded a newer one. */
  private async adoptRecordedStates(): Promise<void> {
    const recorded = await this.options.store.readAlertTransitions(this.statuses.map((status) => status.rule.name));
    for (const status of this.statuses) {
      const newest = recorded.get(status.rule.name);
      if (!newest || newest.transition <= status.transition || !isAlertState(newest.state)) continue;
      status.transition = newest.transition;
      status.phase = { state: newest.state, sinceMs: newest.sinceMs, activeSinceMs: newest.activeSinceMs };
    }
  }

  /** True when this replica's record of the change is the one kept: then it applies the change and notifies. */
  private async recordChange(status: RuleStatus, phase: AlertPhase): Promise<boolean> {
    const change = { rule: status.rule.name, transition: status.transition + 1, ...phase };
    try {
      // Lost: another replica recorded this change first; the next round adopts what it recorded.
      if (!(await this.options.store.recordAlertTransition(change))) return false;
    } catch (error) {
      status.lastError = (error as Error).message.slice(0, 500);
      this.options.log.warn({ err: error, rule: status.rule.name }, 'alert state change not recorded; its state is kept');
      return false;
    }
    status.transition = change.transition;
    return true;
  }
}

function isAlertState(state: string): state is AlertState {
  return (ALERT_STATES as readonly string[]).includes(state);
}
