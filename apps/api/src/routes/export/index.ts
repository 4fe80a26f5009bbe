/** GET /api/v1/export: every event matching the filters, streamed as NDJSON or CSV. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody, ExportQuery } from '@logline/api-contract';
import { exportStream } from '../../export/export-rows';
import { toLogFilters } from '../../query/log-filters-query';

const CONTENT_TYPES = { ndjson: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8' };

const exportRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/v1/export',
    {
      schema: {
        summary: 'Export all matching events (no row cap), streamed',
        tags: ['logs'],
        querystring: ExportQuery,
        description: 'NDJSON (one event per line) or CSV with a header row; cells that a spreadsheet would run as formulas are prefixed with an apostrophe.',
        response: { 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const { format, order } = request.query;
      const filters = toLogFilters(request.query);
      // The stream is the body; the response schema only describes errors, hence the cast.
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      return reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="logline-export-${stamp}.${format}"`)
        .send(exportStream(app.store, filters, order, format) as never);
    },
  );
};

export default exportRoute;
