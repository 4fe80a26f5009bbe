/**
 * The Elasticsearch bulk API as log shippers and clients use it: `POST /_bulk` and
 * `POST /{index}/_bulk` (index and create actions; each item answered with its status), and
 * `GET /`, the cluster information clients and Beats ask for first. Every answer carries
 * `x-elastic-product: Elasticsearch`, which the official clients check; errors come in
 * Elasticsearch's error form.
 */
import compress from '@fastify/compress';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { bulkResponse, clusterInfo, decodeBulk, errorResponse, PayloadError } from '@logline/ingest-protocols';
import { HttpError } from '../../errors';
import { ingestRecords, rejectPayload } from '../../ingest/ingest-records';
import { setProtocolErrorHandler } from '../../plugins/error-handler';

/** What clients send a bulk body as: JSON, NDJSON, and the official clients' versioned types. */
const BULK_CONTENT_TYPES = ['application/json', 'application/x-ndjson', 'application/vnd.elasticsearch+x-ndjson', 'application/vnd.elasticsearch+json'];

/** Elasticsearch's error type for each status this door answers with. */
const ERROR_TYPES: Record<number, string> = {
  400: 'illegal_argument_exception',
  401: 'security_exception',
  403: 'security_exception',
  413: 'content_too_long_exception',
  429: 'es_rejected_execution_exception',
  503: 'es_rejected_execution_exception',
};

const elasticsearchRoute: FastifyPluginAsync = async (app) => {
  await app.register(compress, { global: true, requestEncodings: ['gzip', 'deflate'], encodings: ['gzip'] });
  for (const type of BULK_CONTENT_TYPES) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: app.config.ingest.maxBodyBytes }, (_req, body, done) => done(null, body));
  }
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-elastic-product', 'Elasticsearch');
  });
  setProtocolErrorHandler(app, (status, message) => ({
    body: errorResponse(status, ERROR_TYPES[status] ?? 'exception', message),
    contentType: 'application/json; charset=utf-8',
  }));

  app.get('/', { schema: { summary: 'Elasticsearch cluster information (for clients and Beats)', tags: ['ingest'] } }, async () => clusterInfo());

  const bulk = async (request: FastifyRequest<{ Params: { index?: string } }>) => {
    const started = Date.now();
    const body = (request.body as Buffer | undefined) ?? Buffer.alloc(0);
    let decoded;
    try {
      decoded = decodeBulk(body, request.params.index);
    } catch (error) {
      if (!(error instanceof PayloadError)) throw error;
      rejectPayload(app, request, 'elasticsearch', error, body);
      throw new HttpError(400, error.message);
    }
    // Each item is answered with its own status: every refusal is kept for the answer.
    const { refused } = await ingestRecords(app, request, decoded.records, 'elasticsearch', { everyRefusal: true });
    const refusals = new Map(refused.map((rejection) => [rejection.line, rejection.reason]));
    return bulkResponse(decoded.items, refusals, Date.now() - started);
  };
  const schema = { summary: 'Elasticsearch bulk API (index and create actions)', tags: ['ingest'] };
  app.post('/_bulk', { schema }, bulk);
  app.post('/:index/_bulk', { schema }, bulk);
};

export default elasticsearchRoute;
