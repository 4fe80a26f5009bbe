// The Patterns view (GET /patterns): the explorer's filters, the events grouped by message pattern.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toLogFilters } from '../../filters/log-filters';
import { LogsQuerySchema } from '../../filters/logs-query';
import { buildPatternsPage } from '../../view-models/patterns-page';

/** Patterns listed, busiest first. */
const PATTERNS_SHOWN = 100;
/** The range when none is chosen: the api's own default, named so the form shows it. */
const DEFAULT_RANGE = '24h';

const patternsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/patterns', { schema: { querystring: LogsQuerySchema } }, async (request, reply) => {
    const asked = toLogFilters(request.query);
    const filters = asked.from === undefined && asked.to === undefined ? { ...asked, from: DEFAULT_RANGE } : asked;
    const answer = await app.api.getPatterns(filters, PATTERNS_SHOWN);
    return reply.header('cache-control', 'no-store').view('patterns.hbs', buildPatternsPage(filters, answer));
  });
};

export default patternsRoutes;
