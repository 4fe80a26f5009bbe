/** POST /api/v1/ingest: NDJSON (or a JSON array) of events; answers after accepted rows are stored. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, IngestResult, MAX_LISTED_ERRORS } from '@logline/api-contract';
import { BadRequestError } from '../../errors';
import { lineLimits, parseIngestBody } from '../../ingest/parse-lines';
import ingestDisabledRoute from './ingest-disabled';

const ingestRoute: FastifyPluginAsyncTypebox = async (app) => {
  if (!app.config.ingest.enabled) {
    await app.register(ingestDisabledRoute);
    return;
  }
  for (const type of ['application/x-ndjson', 'application/json', 'text/plain']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: app.config.ingest.maxBodyBytes }, (_req, body, done) =>
      done(null, body),
    );
  }

  app.post(
    '/api/v1/ingest',
    {
      bodyLimit: app.config.ingest.maxBodyBytes,
      schema: {
        summary: 'Ingest log events',
        tags: ['ingest'],
        response: { 200: IngestResult, 400: Type.Union([IngestResult, ErrorBody]), 413: ErrorBody, 415: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const body = request.body as Buffer | undefined;
      if (!body || body.length === 0) throw new BadRequestError('the request body is empty; send NDJSON events');
      const parsed = parseIngestBody(body, lineLimits({ ...app.config.ingest, retentionDays: app.config.retentionDays }));
      if (parsed.rows.length === 0 && parsed.rejections.length === 0) {
        throw new BadRequestError('the request body has only blank lines; send NDJSON events');
      }
      const peer = `${request.ip}:${request.socket.remotePort ?? 0}`;
      app.ingest.reject(parsed.rejections, 'http', peer);
      await app.ingest.store(parsed.rows, 'http');
      const answer = {
        accepted: parsed.rows.length,
        rejected: parsed.rejections.length,
        errors: parsed.rejections.slice(0, MAX_LISTED_ERRORS).map(({ line, reason }) => ({ line, reason })),
      };
      return reply.code(answer.accepted === 0 && answer.rejected > 0 ? 400 : 200).send(answer);
    },
  );
};

export default ingestRoute;
