// GET /export: relays the api's streamed export (NDJSON or CSV) without buffering it.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ApiRejectedError, ApiUnavailableError } from '../../api-client/api-errors';
import { toLogFilters } from '../../filters/log-filters';
import { LogsQuerySchema } from '../../filters/logs-query';

const ExportQuery = Type.Object({ ...LogsQuerySchema.properties, format: Type.Enum(['ndjson', 'csv'], { default: 'ndjson' }) });

const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/export', { schema: { querystring: ExportQuery } }, async (request, reply) => {
    const filters = toLogFilters(request.query);
    const response = await app.api.openExport(filters, request.query.format);
    if (response.statusCode === 400) {
      const body = (await response.body.json()) as { message?: string };
      throw new ApiRejectedError(body.message ?? 'The api rejected these filters.');
    }
    if (response.statusCode !== 200) {
      await response.body.dump();
      throw new ApiUnavailableError('server-error', `/api/v1/export answered HTTP ${response.statusCode}`);
    }
    for (const header of ['content-type', 'content-disposition']) {
      const value = response.headers[header];
      if (typeof value === 'string') reply.header(header, value);
    }
    return reply.send(response.body);
  });
};

export default exportRoutes;
