/** GET /api/v1/logs/:id/context: an event and its exact neighbours from the same producer or source. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ContextParams, ContextQuery, ErrorBody, LogContext } from '@logline/api-contract';
import type { LogFilters } from '@logline/ch-client';
import { HttpError } from '../../errors';
import { readCursor } from '../../query/cursor';

const contextRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/logs/:id/context',
    {
      schema: {
        summary: 'An event with the events around it',
        tags: ['logs'],
        params: ContextParams,
        querystring: ContextQuery,
        response: { 200: LogContext, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const id = readCursor('id', request.params.id);
      const anchor = id && (await app.store.findLog(id));
      if (!id || !anchor) throw new HttpError(404, `no event with id '${request.params.id}'`);
      const scope = request.query.scope ?? (anchor.producer_id ? 'producer' : 'source');
      const filters: LogFilters = scope === 'producer' ? { producerIds: [anchor.producer_id] } : { sources: [anchor.source] };
      const before = await app.store.searchLogs({ ...filters, order: 'desc', after: id, limit: request.query.before });
      const after = await app.store.searchLogs({ ...filters, order: 'asc', after: id, limit: request.query.after });
      return { scope, anchor, before: before.rows.reverse(), after: after.rows };
    },
  );
};

export default contextRoute;
