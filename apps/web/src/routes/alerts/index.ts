// The Alerts page (GET /alerts) and the table fragment its script refreshes.
import type { FastifyPluginAsync } from 'fastify';
import { buildAlertsPage, buildAlertsPanel } from '../../view-models/alerts-page';

const alertsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/alerts', async (_request, reply) => {
    const alerts = await app.api.getAlerts();
    return reply.header('cache-control', 'no-store').view('alerts.hbs', buildAlertsPage(alerts));
  });

  app.get('/partials/alerts', { config: { fragment: true } }, async (_request, reply) => {
    const alerts = await app.api.getAlerts();
    return reply.header('cache-control', 'no-store').view('alerts-fragment.hbs', buildAlertsPanel(alerts));
  });
};

export default alertsRoutes;
