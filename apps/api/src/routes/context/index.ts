/** GET /api/v1/logs/:id/context: an event and its exact neighbours from the same producer or source. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { LogFilters } from '@logline/ch-client';
import { HttpError } from '../../errors';
import { readCursor } from '../../query/cursor';
import { ErrorBody, StoredLogSchema } from '../../schemas/common';

const ContextQuery = Type.Object({
  before: Type.Integer({ minimum: 0, maximum: 1000, default: 10, description: 'Events before the anchor.' }),
  after: Type.Integer({ minimum: 0, maximum: 1000, default: 10, description: 'Events after the anchor.' }),
  scope: Type.Optional(
    Type.Union([Type.Literal('producer'), Type.Literal('source')], {
      description: 'Neighbours from the same producer (default when the event has one) or source.',
    }),
  ),
});

const Context = Type.Object({
  scope: Type.Union([Type.Literal('producer'), Type.Literal('source')]),
  anchor: StoredLogSchema,
  before: Type.Array(StoredLogSchema, { description: 'Oldest first, ending just before the anchor.' }),
  after: Type.Array(StoredLogSchema, { description: 'Oldest first, starting just after the anchor.' }),
});

const contextRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/logs/:id/context',
    {
      schema: {
        summary: 'An event with the events around it',
        tags: ['logs'],
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        querystring: ContextQuery,
        response: { 200: Context, 400: ErrorBody, 404: ErrorBody },
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
