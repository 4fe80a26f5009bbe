// The log explorer: the page (GET /) and the results fragment its script refreshes. A search
// ending in `| stats …` puts the page in stats mode: a table and a chart of the groups.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger } from 'fastify';
import { isStatsQuery } from '@logline/search-syntax';
import { toLogFilters } from '../../filters/log-filters';
import { LogsQuerySchema } from '../../filters/logs-query';
import { buildLogsPage, buildResults, type FieldPanel } from '../../view-models/logs-page';
import { buildStatsPage } from '../../view-models/stats-page';

const DEFAULT_FACET_VALUES = 8;

/** The chart, facets and field panel are extras: a failure leaves them out, never the page. */
function extraOf(log: FastifyBaseLogger) {
  return <T>(promise: Promise<T>): Promise<T | undefined> =>
    promise.catch((error: unknown) => {
      log.warn({ err: error }, 'histogram, facets or field statistics unavailable');
      return undefined;
    });
}

const logsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { schema: { querystring: LogsQuerySchema } }, async (request, reply) => {
    const filters = toLogFilters(request.query);
    const extra = extraOf(request.log);
    const field = request.query.field;
    const fieldStats = field === undefined ? undefined : extra(app.api.getFieldStats(filters, field));
    reply.header('cache-control', 'no-store');
    if (isStatsQuery(filters.q)) {
      const started = performance.now();
      const stats = await app.api.getStats(filters);
      const panel: FieldPanel | undefined = field === undefined ? undefined : { field, stats: await fieldStats };
      return reply.view('logs.hbs', buildStatsPage(filters, stats, Math.round(performance.now() - started), panel));
    }
    const facetLimit = request.query.facets ?? DEFAULT_FACET_VALUES;
    const [page, histogram, facets, stats] = await Promise.all([
      app.api.searchLogs(filters),
      extra(app.api.getHistogram(filters)),
      extra(app.api.getFacets(filters, facetLimit)),
      fieldStats,
    ]);
    const extras = histogram && facets ? { histogram, facets, facetLimit } : undefined;
    const panel: FieldPanel | undefined = field === undefined ? undefined : { field, stats };
    return reply.view('logs.hbs', buildLogsPage(filters, page, extras, panel));
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
