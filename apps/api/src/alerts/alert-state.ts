/**
 * The life of one alert, as Prometheus's alerting rules have it: inactive while the condition
 * does not hold; pending while it holds for less than `for`; firing once it has held that long;
 * resolved when it stops holding after firing (until it holds again). Only the steps into firing
 * and into resolved are notified, so each firing and each resolution is announced once.
 */
import type { AlertState } from '@logline/api-contract';

export interface AlertPhase {
  readonly state: AlertState;
  /** When the alert entered this state, epoch ms. */
  readonly sinceMs: number;
  /** When the condition started holding (pending and firing), epoch ms. */
  readonly activeSinceMs?: number;
}

export interface PhaseStep {
  readonly phase: AlertPhase;
  /** Set when this step must be notified. */
  readonly notify?: 'firing' | 'resolved';
}

export function initialPhase(nowMs: number): AlertPhase {
  return { state: 'inactive', sinceMs: nowMs };
}

/** The phase after an evaluation at `nowMs` found the condition holding (`holds`) or not. */
export function nextPhase(phase: AlertPhase, holds: boolean, nowMs: number, forMs: number): PhaseStep {
  if (!holds) {
    if (phase.state === 'firing') return { phase: { state: 'resolved', sinceMs: nowMs }, notify: 'resolved' };
    if (phase.state === 'pending') return { phase: { state: 'inactive', sinceMs: nowMs } };
    return { phase };
  }
  if (phase.state === 'firing') return { phase };
  const activeSinceMs = phase.state === 'pending' ? (phase.activeSinceMs ?? nowMs) : nowMs;
  if (nowMs - activeSinceMs >= forMs) {
    return { phase: { state: 'firing', sinceMs: nowMs, activeSinceMs }, notify: 'firing' };
  }
  if (phase.state === 'pending') return { phase };
  return { phase: { state: 'pending', sinceMs: nowMs, activeSinceMs } };
}
