/** Paces event generation: a token allowance filled at the rate the load profile asks for. */

export const PROFILES = ['steady', 'burst', 'wave'] as const;
export type Profile = (typeof PROFILES)[number];

/** `burst`: every BURST_PERIOD_MS, the last BURST_LENGTH_MS run at BURST_FACTOR times the rate. */
export const BURST_PERIOD_MS = 30_000;
const BURST_LENGTH_MS = 3_000;
export const BURST_FACTOR = 10;
/** `wave`: one day's traffic compressed into four minutes, from a quiet night to a busy noon. */
export const WAVE_PERIOD_MS = 240_000;
const WAVE_DEPTH = 0.8;

/** Longest pause between checks, so a change of profile phase is noticed promptly. */
const MAX_DELAY_MS = 1_000;

/** Events per second the profile asks for, `elapsedMs` after the start; `rate` 0 means unlimited. */
export function rateAt(profile: Profile, rate: number, elapsedMs: number): number {
  if (rate === 0) return Infinity;
  switch (profile) {
    case 'steady':
      return rate;
    case 'burst':
      return elapsedMs % BURST_PERIOD_MS >= BURST_PERIOD_MS - BURST_LENGTH_MS ? rate * BURST_FACTOR : rate;
    case 'wave':
      // Averages to `rate` over a period, from 0.2x at "midnight" to 1.8x at "noon".
      return rate * (1 - WAVE_DEPTH * Math.cos((2 * Math.PI * elapsedMs) / WAVE_PERIOD_MS));
  }
}

export class Pacer {
  private allowance = 0;
  private lastMs: number;

  constructor(
    private readonly profile: Profile,
    private readonly rate: number,
    private readonly startMs: number,
  ) {
    this.lastMs = startMs;
  }

  /** How many events may be generated now, at most `max`; those are taken from the allowance. */
  take(nowMs: number, max: number): number {
    const current = rateAt(this.profile, this.rate, nowMs - this.startMs);
    if (current === Infinity) return max;
    // At most one second's worth is saved up: after a stall the generator resumes its rate
    // instead of flooding the target to catch up.
    this.allowance = Math.min(
      this.allowance + (current * Math.max(0, nowMs - this.lastMs)) / 1000,
      Math.max(1, current),
    );
    this.lastMs = nowMs;
    const granted = Math.min(Math.floor(this.allowance), max);
    this.allowance -= granted;
    return granted;
  }

  /** Milliseconds until the next event is due. */
  delayMs(nowMs: number): number {
    const current = rateAt(this.profile, this.rate, nowMs - this.startMs);
    if (current === Infinity || this.allowance >= 1) return 0;
    return Math.min(MAX_DELAY_MS, Math.max(1, Math.ceil(((1 - this.allowance) * 1000) / current)));
  }
}
