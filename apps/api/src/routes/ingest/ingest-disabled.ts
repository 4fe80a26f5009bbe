/**
 * POST /api/v1/ingest when INGEST_ENABLED=false: this api only serves queries (in the production
 * stack it runs as a read-only ClickHouse user and Vector takes the events), so it says where to send.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '@logline/api-contract';
import { HttpError } from '../../errors';

class IngestDisabledError extends HttpError {
  override readonly name = 'IngestDisabledError';
  constructor() {
    super(
      404,
      'this api does not take events (INGEST_ENABLED=false); send them to Vector instead ' +
        '(deploy/compose.yaml: POST NDJSON over HTTPS with the ingest token to port 4080, path /api/v1/ingest, or newline-delimited JSON over TLS with a client certificate to port 4081)',
    );
  }
}

const refuse = async (): Promise<never> => {
  throw new IngestDisabledError();
};

const ingestDisabledRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/ingest',
    {
      // Refused in onRequest, before the body is read or its content type checked.
      onRequest: refuse,
      schema: { summary: 'Ingest log events (off in this api: INGEST_ENABLED=false)', tags: ['ingest'], response: { 404: ErrorBody } },
    },
    refuse,
  );
};

export default ingestDisabledRoute;
