/**
 * GET /api/v1/logs: filtered events, newest first by default (or by level or source, then time),
 * with keyset paging both ways.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, LogsPage, LogsQuery } from '@logline/api-contract';
import { formatPageCursor } from '@logline/ch-client';
import { readCursor } from '../../query/cursor';
import { toLogFilters } from '../../query/log-filters-query';

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
