/**
 * GET /api/v1/tail: server-sent events with the new events matching the filters. Each `logs`
 * event carries a batch of rows (TailBatch, a JSON array) and an id to resume from (Last-Event-ID).
 */
import { Type, type Static } from 'typebox';
import { FilterParams } from './filters';
import { StoredLogSchema } from './stored-log';

export const TailQuery = Type.Object({
  level: FilterParams.level,
  source: FilterParams.source,
  producer_id: FilterParams.producer_id,
  trace_id: FilterParams.trace_id,
  pattern_id: FilterParams.pattern_id,
  exclude_pattern_id: FilterParams.exclude_pattern_id,
  q: FilterParams.q,
  last_event_id: Type.Optional(Type.String({ maxLength: 64, description: 'Resume after this event id (as Last-Event-ID).' })),
});

/** The data of one `logs` event. */
export const TailBatch = Type.Array(StoredLogSchema);

export type TailBatch = Static<typeof TailBatch>;
