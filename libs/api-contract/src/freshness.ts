/** GET /api/v1/freshness: ingest lag (event time → stored) percentiles per source, recent window. */
import { Type, type Static } from 'typebox';

export const FreshnessQuery = Type.Object({
  window: Type.String({ default: '5m', maxLength: 16, description: 'Duration back from now.' }),
});

export const Freshness = Type.Object({
  since: Type.String(),
  tail_poll_ms: Type.Integer({ description: 'Live tail adds up to this (plus tail_safety_ms) from stored to visible.' }),
  tail_safety_ms: Type.Integer(),
  sources: Type.Array(
    Type.Object({
      source: Type.String(),
      events: Type.Integer(),
      p50_ms: Type.Integer(),
      p95_ms: Type.Integer(),
      p99_ms: Type.Integer(),
      last_ingested_at: Type.String(),
    }),
  ),
});

export type Freshness = Static<typeof Freshness>;
