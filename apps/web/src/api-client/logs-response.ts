// The api's answers, as schemas, so a response of the wrong shape is caught at the boundary.
import { LOG_LEVELS, type StoredLog } from '@logline/log-schema';
import { Type } from 'typebox';

export const StoredLogSchema = Type.Object({
  id: Type.String(),
  timestamp: Type.String(),
  log_level: Type.Enum(LOG_LEVELS),
  message: Type.String(),
  source: Type.String(),
  host: Type.String(),
  producer_id: Type.String(),
  seq: Type.Union([Type.Integer(), Type.Null()]),
  attributes: Type.Record(Type.String(), Type.String()),
  trace_id: Type.String(),
  span_id: Type.String(),
  ingested_at: Type.String(),
});

export const LogsResponseSchema = Type.Object({
  rows: Type.Array(StoredLogSchema),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
  prev_cursor: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export const ApiErrorSchema = Type.Object({ message: Type.String() });

export interface LogsPage {
  readonly rows: readonly StoredLog[];
  /** Where the next page starts; null on the last. */
  readonly nextCursor: string | null;
  /** Where the previous page ends; null on the first. */
  readonly prevCursor: string | null;
  /** How long the api took to answer, in ms, shown in the header bar. */
  readonly elapsedMs: number;
  /** When the web server asked for this page (epoch ms): where a live tail picks up. */
  readonly readAtMs: number;
}
