/**
 * GET /api/v1/logs: filtered events, newest first by default (or by level or source, then time),
 * with keyset paging both ways.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { formatPageCursor, SORT_KEYS } from '@logline/ch-client';
import { readCursor } from '../../query/cursor';
import { FilterParams, toLogFilters } from '../../query/log-filters-query';
import { ErrorBody, StoredLogSchema } from '../../schemas/common';

const LogsQuery = Type.Object({
  ...FilterParams,
  limit: Type.Integer({ minimum: 1, maximum: 10_000, default: 100 }),
  order: Type.Optional(
    Type.Union([Type.Literal('desc'), Type.Literal('asc')], { description: 'desc (newest first) by default; asc (oldest first) by default with trace_id.' }),
  ),
  sort: Type.Enum([...SORT_KEYS], {
    default: 'time',
    description: 'time; level (by severity: desc = CRITICAL first); source (by name). Ties go by time in the same order.',
  }),
  cursor: Type.Optional(Type.String({ maxLength: 400, description: 'Continue after this row: next_cursor of a previous page (same sort).' })),
  before: Type.Optional(Type.String({ maxLength: 400, description: 'The page ending just before this row: prev_cursor (same sort).' })),
});

const LogsPage = Type.Object({
  rows: Type.Array(StoredLogSchema),
  next_cursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as cursor for the next page; null at the end.' }),
  prev_cursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as before for the previous page; null on the first.' }),
});

const logsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/logs',
    { schema: { summary: 'Search log events', tags: ['logs'], querystring: LogsQuery, response: { 200: LogsPage, 400: ErrorBody } } },
    async (request) => {
      const { limit, sort, cursor, before } = request.query;
      // A trace reads as a story, first event first.
      const order = request.query.order ?? (request.query.trace_id?.length ? 'asc' : 'desc');
      const page = await app.store.searchLogs({
        ...toLogFilters(request.query),
        limit,
        order,
        sort,
        after: readCursor('cursor', cursor, sort),
        before: readCursor('before', before, sort),
      });
      app.metrics.logPages.inc({ answered_by: page.answeredBy });
      return {
        rows: page.rows,
        next_cursor: page.next ? formatPageCursor(page.next, sort) : null,
        prev_cursor: page.prev ? formatPageCursor(page.prev, sort) : null,
      };
    },
  );
};

export default logsRoute;
