/** GET /api/v1/logs: filtered events, newest first by default, with keyset paging both ways. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { searchLogs } from '@logline/ch-client';
import { formatLogId } from '@logline/ch-client';
import { readCursor } from '../../query/cursor';
import { FilterParams, toLogFilters } from '../../query/log-filters-query';
import { ErrorBody, StoredLogSchema } from '../../schemas/common';

const LogsQuery = Type.Object({
  ...FilterParams,
  limit: Type.Integer({ minimum: 1, maximum: 10_000, default: 100 }),
  order: Type.Union([Type.Literal('desc'), Type.Literal('asc')], { default: 'desc' }),
  cursor: Type.Optional(Type.String({ maxLength: 64, description: 'Continue after this row: next_cursor of a previous page.' })),
  before: Type.Optional(Type.String({ maxLength: 64, description: 'The page ending just before this row: prev_cursor.' })),
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
      const { limit, order, cursor, before } = request.query;
      const page = await searchLogs(app.storage.reader, {
        ...toLogFilters(request.query),
        limit,
        order,
        after: readCursor('cursor', cursor),
        before: readCursor('before', before),
      });
      return {
        rows: page.rows,
        next_cursor: page.next ? formatLogId(page.next) : null,
        prev_cursor: page.prev ? formatLogId(page.prev) : null,
      };
    },
  );
};

export default logsRoute;
