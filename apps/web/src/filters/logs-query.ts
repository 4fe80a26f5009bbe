// The query string GET /, GET /partials/logs, GET /live and GET /patterns accept: the api's log filters, plus `live`.
// Limits match the api's; what a value means (a time, a search) is the api's to judge.
import { Type, type Static } from 'typebox';
import { PageCursorParam, SORT_KEYS } from '@logline/api-contract';

/** What an <input type="datetime-local"> sends (or nothing): 2026-11-28T17:05, seconds optional. */
const LOCAL_TIME = '^$|^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?$';

const Repeatable = (itemLength: number) => Type.Array(Type.String({ maxLength: itemLength }), { maxItems: 100 });

export const LogsQuerySchema = Type.Object({
  /** Level names or their aliases (warn, err, fatal…), any case. */
  level: Type.Optional(Repeatable(32)),
  /** Repeated, or comma-separated in the form's one text box. */
  source: Type.Optional(Repeatable(1000)),
  producer_id: Type.Optional(Repeatable(256)),
  /** Patterns to show (any of) and to hide: ids from the Patterns view. */
  pattern_id: Type.Optional(Repeatable(64)),
  exclude_pattern_id: Type.Optional(Repeatable(64)),
  q: Type.Optional(Type.String({ maxLength: 2000 })),
  /** ISO time or a duration back from now (15m, 24h, 7d); `all` (the menu's "All time") means none. */
  from: Type.Optional(Type.String({ maxLength: 64 })),
  to: Type.Optional(Type.String({ maxLength: 64 })),
  /** The form's absolute range (with from=custom): datetime-local values, read as UTC. */
  start: Type.Optional(Type.String({ pattern: LOCAL_TIME, maxLength: 32 })),
  end: Type.Optional(Type.String({ pattern: LOCAL_TIME, maxLength: 32 })),
  limit: Type.Integer({ minimum: 1, maximum: 10_000, default: 100 }),
  order: Type.Enum(['desc', 'asc'], { default: 'desc' }),
  /** Sort column: time, level (by severity) or source; ties go by time. */
  sort: Type.Optional(Type.Enum([...SORT_KEYS])),
  cursor: Type.Optional(PageCursorParam("The api's next_cursor: the page after a row.")),
  before: Type.Optional(PageCursorParam("The api's prev_cursor: the page before a row.")),
  /** Values listed per facet (level, source, host); "more" raises it. */
  facets: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  /** The field whose statistics the field panel shows: level, host, attributes.<name>… */
  field: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  /** The Live toggle; only the page's script reads it. */
  live: Type.Optional(Type.Enum(['1', 'on'])),
});

export type LogsQuery = Static<typeof LogsQuerySchema>;
