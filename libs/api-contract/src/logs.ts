/** GET /api/v1/logs: filtered events, a page at a time, with cursors both ways. */
import { Type, type Static } from 'typebox';
import { PageCursorParam } from './cursors';
import { FilterParams } from './filters';
import { StoredLogSchema } from './stored-log';

/** What a page may be sorted by; ties go by time in the same order. */
export const SORT_KEYS = ['time', 'level', 'source'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const LogsQuery = Type.Object({
  ...FilterParams,
  limit: Type.Integer({ minimum: 1, maximum: 10_000, default: 100 }),
  order: Type.Optional(
    Type.Union([Type.Literal('desc'), Type.Literal('asc')], { description: 'desc (newest first) by default; asc (oldest first) by default with trace_id.' }),
  ),
  sort: Type.Enum([...SORT_KEYS], {
    default: 'time',
    description: 'time; level (by severity: desc = CRITICAL first); source (by name). Ties go by time in the same order.',
  }),
  cursor: Type.Optional(PageCursorParam('Continue after this row: next_cursor of a previous page (same sort).')),
  before: Type.Optional(PageCursorParam('The page ending just before this row: prev_cursor (same sort).')),
});

export const LogsPage = Type.Object({
  rows: Type.Array(StoredLogSchema),
  next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as cursor for the next page; null at the end.' }),
  prev_cursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as before for the previous page; null on the first.' }),
});

export type LogsPage = Static<typeof LogsPage>;
