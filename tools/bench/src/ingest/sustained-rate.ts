/**
 * The highest ingest rate the pipeline sustains with zero loss: paced producers step the rate up
 * (as fractions of the saturated end-to-end rate) until events are not all acknowledged, the run
 * falls behind its schedule, or the lag (event time → stored) grows past a bound. Reports p50/p95
 * lag per step, and at half the highest sustained rate.
 */
import { setTimeout as pause } from 'node:timers/promises';
import { getJson } from '../api/http';
import { runGenerator, totalOf } from '../processes/generator-run';
import { median } from '../stats';
import { checkDelivery } from './delivery-check';
import type { RunningApi } from './running-api';

export interface RateStep {
  rate: number;
  achieved: number;
  sustained: boolean;
  lost: number;
  p50Ms: number;
  p95Ms: number;
}

export interface SustainedResult {
  steps: RateStep[];
  highest: number;
  atHalf: RateStep | undefined;
}

/** Steps start at a quarter of the saturated rate and grow by STEP_GROWTH, at most MAX_STEPS times. */
const FIRST_FRACTION = 0.25;
const STEP_GROWTH = 1.25;
const MAX_STEPS = 12;
const PRODUCERS = 4;
/** A step whose p95 lag passes this is falling behind, not keeping up. */
const MAX_P95_LAG_MS = 5000;
const QUIET_MS = 3000;
/** Process start and the final drain of the generator, allowed on top of the schedule. */
const SCHEDULE_SLACK_SECONDS = 2.5;

export async function findSustainedRate(api: RunningApi, saturatedRate: number, stepSeconds: number): Promise<SustainedResult> {
  const steps: RateStep[] = [];
  let highest = 0;
  for (let rate = saturatedRate * FIRST_FRACTION; steps.length < MAX_STEPS; rate *= STEP_GROWTH) {
    const step = await runStep(api, Math.round(rate), stepSeconds, steps.length);
    steps.push(step);
    if (!step.sustained) break;
    highest = step.rate;
  }
  const atHalf = highest > 0 ? await runStep(api, Math.round(highest / 2), stepSeconds, steps.length) : undefined;
  return { steps, highest, atHalf };
}

async function runStep(api: RunningApi, rate: number, seconds: number, index: number): Promise<RateStep> {
  const perProducer = rate / PRODUCERS;
  // Batches of a tenth of a second's events keep the generator's own batching out of the lag.
  const batch = Math.max(1, Math.round(perProducer / 10));
  const flags = { target: api.httpTarget, producer: `rate-${index}`, producers: PRODUCERS, rate: perProducer, batch, count: Math.round(perProducer * seconds) };
  // Earlier events out of the freshness window: it starts when this step does.
  await pause(QUIET_MS);
  const startedMs = Date.now();
  const run = await runGenerator(flags, (seconds * 3 + 60) * 1000);
  const delivery = await checkDelivery(api.base, run.summaries, 5000);
  const lag = await lagOver(api.base, Math.floor((Date.now() - startedMs) / 1000));
  const onSchedule = run.seconds <= seconds * 1.1 + SCHEDULE_SLACK_SECONDS;
  const acknowledged = run.code === 0 && totalOf(run.summaries, 'acked') === delivery.sent;
  return {
    rate,
    achieved: delivery.distinctSeq / run.seconds,
    sustained: acknowledged && delivery.lost === 0 && onSchedule && lag.p95Ms <= MAX_P95_LAG_MS,
    lost: delivery.lost,
    ...lag,
  };
}

interface Freshness {
  sources: { events: number; p50_ms: number; p95_ms: number }[];
}

/** p50: the median of the sources' medians; p95: the worst source's. */
async function lagOver(base: string, windowSeconds: number): Promise<{ p50Ms: number; p95Ms: number }> {
  const freshness = await getJson<Freshness>(`${base}/freshness?window=${windowSeconds}s`);
  const sources = freshness.sources.filter((source) => source.events > 0);
  return { p50Ms: median(sources.map((source) => source.p50_ms)), p95Ms: Math.max(0, ...sources.map((source) => source.p95_ms)) };
}
