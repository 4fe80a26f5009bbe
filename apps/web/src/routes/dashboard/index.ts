// The Dashboard (GET /dashboard), the panels fragment its script refreshes, and removing a pinned
// saved search's tile (pinning is on the saved searches page).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import {
  buildDashboardPage,
  buildDashboardPanels,
  dashboardFilters,
  DASHBOARD_RANGES,
  type DashboardData,
  type DashboardRange,
} from '../../view-models/dashboard-page';

const TOP_SOURCES = 8;

const DashboardQuery = Type.Object({
  range: Type.Enum([...DASHBOARD_RANGES], { default: '1h' }),
});

const RemoveTileForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  range: Type.Enum([...DASHBOARD_RANGES], { default: '1h' }),
});

/** Every panel's data at once; a failed call leaves its panel empty, never the whole page. */
async function fetchDashboard(app: FastifyInstance, range: DashboardRange, log: FastifyBaseLogger): Promise<DashboardData> {
  const optional = <T>(what: string, promise: Promise<T>): Promise<T | undefined> =>
    promise.catch((error: unknown) => {
      log.warn({ err: error }, '%s unavailable for the dashboard', what);
      return undefined;
    });
  const filters = dashboardFilters(range);
  const [histogram, facets, freshness, alerts, tiles] = await Promise.all([
    optional('histogram', app.api.getHistogram(filters)),
    optional('facets', app.api.getFacets(filters, TOP_SOURCES)),
    optional('freshness', app.api.getFreshness(range)),
    optional('alerts', app.api.getAlerts()),
    optional('pinned searches', app.api.getDashboardTiles(range)),
  ]);
  return { histogram, facets, freshness, alerts, tiles };
}

const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/dashboard', { schema: { querystring: DashboardQuery } }, async (request, reply) => {
    const data = await fetchDashboard(app, request.query.range, request.log);
    return reply.header('cache-control', 'no-store').view('dashboard.hbs', buildDashboardPage(request.query.range, data));
  });

  app.get('/partials/dashboard', { schema: { querystring: DashboardQuery }, config: { fragment: true } }, async (request, reply) => {
    const data = await fetchDashboard(app, request.query.range, request.log);
    return reply.header('cache-control', 'no-store').view('dashboard-fragment.hbs', buildDashboardPanels(request.query.range, data));
  });

  // Removing a tile that is already gone (another user removed it) leaves the Dashboard as wanted.
  app.post('/dashboard/tiles/remove', { schema: { body: RemoveTileForm } }, async (request, reply) => {
    await app.api.unpinSavedSearch(request.body.name);
    return reply.redirect(`/dashboard?range=${request.body.range}`, 303);
  });
};

export default dashboardRoutes;
