// The log explorer: the page (GET /) and the results fragment its script refreshes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toLogFilters } from '../../filters/log-filters';
import { LogsQuerySchema } from '../../filters/logs-query';
import { buildLogsPage, buildResults } from '../../view-models/logs-page';

const logsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { schema: { querystring: LogsQuerySchema } }, async (request, reply) => {
    const filters = toLogFilters(request.query);
    const page = await app.api.searchLogs(filters);
    return reply.header('cache-control', 'no-store').view('logs.hbs', buildLogsPage(filters, page));
  });

  // Polled every 2 s by the page's script while auto-refresh is on.
  app.get(
    '/partials/logs',
    { schema: { querystring: LogsQuerySchema }, config: { fragment: true } },
    async (request, reply) => {
      const filters = toLogFilters(request.query);
      const page = await app.api.searchLogs(filters);
      return reply.header('cache-control', 'no-store').view('logs-fragment.hbs', buildResults(filters, page));
    },
  );
};

export default logsRoutes;
