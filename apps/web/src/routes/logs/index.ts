// The log explorer: the page (GET /) and the results fragment its script refreshes.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toLogFilters } from '../../filters/log-filters';
import { LogsQuerySchema } from '../../filters/logs-query';
import { buildLogsPage, buildResults } from '../../view-models/logs-page';

const DEFAULT_FACET_VALUES = 8;

const logsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { schema: { querystring: LogsQuerySchema } }, async (request, reply) => {
    const filters = toLogFilters(request.query);
    const facetLimit = request.query.facets ?? DEFAULT_FACET_VALUES;
    // The rows are the page; the chart and facets are extras that must not take it down.
    const extra = <T>(promise: Promise<T>): Promise<T | undefined> =>
      promise.catch((error: unknown) => {
        request.log.warn({ err: error }, 'histogram or facets unavailable');
        return undefined;
      });
    const [page, histogram, facets] = await Promise.all([
      app.api.searchLogs(filters),
      extra(app.api.getHistogram(filters)),
      extra(app.api.getFacets(filters, facetLimit)),
    ]);
    const extras = histogram && facets ? { histogram, facets, facetLimit } : undefined;
    const view = buildLogsPage(filters, page, extras);
    return reply.header('cache-control', 'no-store').view('logs.hbs', view);
  });

  // The results alone: the page's script reloads them when Live is turned on again.
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
