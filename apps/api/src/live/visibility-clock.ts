import type { IngestPipeline } from '../ingest/ingest-pipeline';
import type { TailClock } from './tail-poller';

/**
 * Rows are visible once their insert finishes, but carry the time it started (ingested_at). Up to
 * the start of an insert still running here, everything is visible; `safetyMs` covers inserts
 * from other writers (Vector) and clock skew, which this process cannot see.
 */
export function visibilityClock(pipeline: IngestPipeline, safetyMs: number): TailClock {
  return {
    visibleUntilMs: () => {
      const horizon = Date.now() - safetyMs;
      const running = pipeline.inFlightSinceMs;
      return running === undefined ? horizon : Math.min(horizon, running - 1);
    },
  };
}
