/**
 * POST /loki/api/v1/push: Loki's push API, snappy-compressed protobuf or JSON (gzip or not), as
 * Promtail, Alloy, Fluent Bit's loki output and the Loki logging libraries send it. Answers as
 * Loki does: 204 when every entry was stored; 400 with the refused entries' reasons, one per line,
 * when some were refused (the valid ones are stored all the same); errors as plain text.
 */
import compress from '@fastify/compress';
import type { FastifyPluginAsync } from 'fastify';
import { decodeLokiJson, decodeLokiProtobuf, PayloadError } from '@logline/ingest-protocols';
import { BadRequestError } from '../../errors';
import { ingestRecords, rejectPayload } from '../../ingest/ingest-records';
import { setProtocolErrorHandler } from '../../plugins/error-handler';

/** Refused entries named in one answer; the first line counts them all. */
const LISTED_REFUSALS = 100;

const lokiRoute: FastifyPluginAsync = async (app) => {
  await app.register(compress, { global: true, requestEncodings: ['gzip', 'deflate'], encodings: ['gzip'] });
  for (const type of ['application/x-protobuf', 'application/json']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: app.config.ingest.maxBodyBytes }, (_req, body, done) => done(null, body));
  }
  setProtocolErrorHandler(app, (_status, message) => ({ body: `${message}\n`, contentType: 'text/plain; charset=utf-8' }));

  app.post(
    '/loki/api/v1/push',
    { schema: { summary: 'Loki push API (snappy protobuf or JSON)', tags: ['ingest'] } },
    async (request, reply) => {
      const body = (request.body as Buffer | undefined) ?? Buffer.alloc(0);
      let decoded;
      try {
        const json = request.headers['content-type']?.startsWith('application/json');
        decoded = json ? decodeLokiJson(body) : decodeLokiProtobuf(body, app.config.ingest.maxBodyBytes);
      } catch (error) {
        if (!(error instanceof PayloadError)) throw error;
        rejectPayload(app, request, 'loki', error, body);
        throw new BadRequestError(error.message);
      }
      const { rows, refused, rejected } = await ingestRecords(app, request, decoded, 'loki');
      if (rejected === 0) return reply.code(204).send();
      const lines = refused.slice(0, LISTED_REFUSALS).map((rejection) => rejection.reason);
      const summary = `${rejected} entries refused, ${rows.length} stored`;
      return reply.code(400).type('text/plain; charset=utf-8').send(`${[summary, ...lines].join('\n')}\n`);
    },
  );
};

export default lokiRoute;
