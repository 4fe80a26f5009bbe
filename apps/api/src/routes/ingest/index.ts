/** POST /api/v1/ingest: NDJSON (or a JSON array) of events; answers after accepted rows are stored. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, IngestResult } from '@logline/api-contract';
import { BadRequestError, HttpError } from '../../errors';
import { countBodyLines, emptyParsedLines, lineLimits, parseIngestBody } from '../../ingest/parse-lines';
import ingestDisabledRoute from './ingest-disabled';

const ingestRoute: FastifyPluginAsyncTypebox = async (app) => {
  if (!app.config.ingest.enabled) {
    await app.register(ingestDisabledRoute);
    return;
  }
  const { ingest: limits, retentionDays } = app.config;
  for (const type of ['application/x-ndjson', 'application/json']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: limits.maxBodyBytes }, (_req, body, done) => done(null, body));
  }

  app.post(
    '/api/v1/ingest',
    {
      bodyLimit: limits.maxBodyBytes,
      schema: {
        summary: 'Ingest log events',
        tags: ['ingest'],
        response: { 200: IngestResult, 400: Type.Union([IngestResult, ErrorBody]), 413: ErrorBody, 415: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const body = request.body as Buffer | undefined;
      if (!body || body.length === 0) throw new BadRequestError('the request body is empty; send NDJSON events');
      const lines = countBodyLines(body, limits.maxLines);
      if (lines > limits.maxLines) {
        throw new HttpError(413, `the body has more than ${limits.maxLines} lines (INGEST_MAX_LINES); send them in several requests`);
      }
      const parsed = emptyParsedLines(app.ingest.collectRejections());
      parseIngestBody(body, lineLimits({ ...limits, retentionDays }), parsed);
      const { rows, rejections } = parsed;
      if (rows.length === 0 && rejections.count === 0 && rejections.dropped === 0) {
        throw new BadRequestError('the request body has only blank lines; send NDJSON events');
      }
      const refused = rejections.take(true);
      app.ingest.reject(refused, 'http', `${request.ip}:${request.socket.remotePort ?? 0}`);
      await app.ingest.store(rows, 'http');
      const answer = {
        // Events a processing rule dropped were taken on: the sender must not send them again.
        accepted: rows.length + rejections.dropped,
        rejected: rejections.count,
        errors: refused.details.map(({ line, reason }) => ({ line, reason })),
      };
      return reply.code(answer.accepted === 0 && answer.rejected > 0 ? 400 : 200).send(answer);
    },
  );
};

export default ingestRoute;
