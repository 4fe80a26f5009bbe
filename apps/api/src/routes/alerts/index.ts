/** GET /api/v1/alerts: every alert rule of ALERT_RULES_FILE with its state and last evaluation. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AlertList, AlertsQuery, ErrorBody } from '@logline/api-contract';
import { toAlertView } from './alert-view';

const alertsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/alerts',
    {
      schema: {
        summary: 'Alert rules and their state',
        tags: ['operations'],
        querystring: AlertsQuery,
        response: { 200: AlertList, 400: ErrorBody },
      },
    },
    async (request) => {
      const statuses = app.alerts.list().filter((status) => !request.query.state || status.phase.state === request.query.state);
      return { evaluation_interval_seconds: app.alerts.intervalMs / 1000, rules: statuses.map(toAlertView) };
    },
  );
};

export default alertsRoute;
