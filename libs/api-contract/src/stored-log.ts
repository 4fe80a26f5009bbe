import { Type, type Static } from 'typebox';
import { LOG_LEVELS } from '@logline/log-schema';

/** An event as every read answers it (logs, context, export, tail): log-schema's StoredLog. */
export const StoredLogSchema = Type.Object({
  id: Type.String({ description: 'Row id: use with /api/v1/logs/{id}/context, or as a cursor.' }),
  timestamp: Type.String({ description: 'ISO 8601, UTC, milliseconds' }),
  log_level: Type.Enum([...LOG_LEVELS]),
  message: Type.String(),
  source: Type.String(),
  host: Type.String(),
  producer_id: Type.String(),
  seq: Type.Union([Type.Integer(), Type.Null()]),
  attributes: Type.Record(Type.String(), Type.String()),
  trace_id: Type.String({ description: 'W3C trace id, 32 lower-case hex digits; empty when the event names no trace' }),
  span_id: Type.String({ description: 'W3C span id, 16 lower-case hex digits; empty when absent' }),
  pattern_id: Type.String({ description: "The message's pattern: 16 lower-case hex digits, the same on every replica (see GET /api/v1/patterns)" }),
  ingested_at: Type.String({ description: 'When the api stored the event, ISO 8601 UTC' }),
});

export type StoredLogRow = Static<typeof StoredLogSchema>;
