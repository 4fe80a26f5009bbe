// The api's freshness and alert-rule answers, as schemas: what the Dashboard and Alerts pages read.
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const FreshnessResponseSchema = Type.Object({
  since: Type.String(),
  tail_poll_ms: Type.Integer(),
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

const Delivery = Type.Object({
  receiver: Type.String(),
  delivered: Type.Boolean(),
  status: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
});

export const AlertRuleSchema = Type.Object({
  name: Type.String(),
  description: Nullable(Type.String()),
  query: Type.String(),
  kind: Type.String(),
  condition: Type.String(),
  threshold: Nullable(Type.Integer()),
  window_seconds: Type.Number(),
  for_seconds: Type.Number(),
  severity: Type.String(),
  labels: Type.Record(Type.String(), Type.String()),
  receivers: Type.Array(Type.String()),
  state: Type.String(),
  since: Type.String(),
  active_since: Nullable(Type.String()),
  last_count: Nullable(Type.Integer()),
  last_evaluation: Nullable(Type.String()),
  last_error: Nullable(Type.String()),
  last_notification: Nullable(
    Type.Object({ status: Type.String(), at: Type.String(), outcome: Type.String(), deliveries: Type.Array(Delivery) }),
  ),
});

export const AlertsResponseSchema = Type.Object({
  evaluation_interval_seconds: Type.Number(),
  rules: Type.Array(AlertRuleSchema),
});

export type FreshnessResponse = Static<typeof FreshnessResponseSchema>;
export type AlertRule = Static<typeof AlertRuleSchema>;
export type AlertsResponse = Static<typeof AlertsResponseSchema>;
