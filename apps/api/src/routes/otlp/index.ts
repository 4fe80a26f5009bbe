/**
 * POST /v1/logs: OTLP/HTTP logs (protobuf or JSON, gzip or not), as the OpenTelemetry SDKs and
 * the Collector's otlphttp exporter send them. Answers as the OTLP spec says: 200 with an
 * ExportLogsServiceResponse (partialSuccess names rejected records), or a google.rpc.Status with
 * 400, or 429/503 and Retry-After when storage is behind, in the request's encoding.
 */
import compress from '@fastify/compress';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  decodeOtlpJson,
  decodeOtlpProtobuf,
  exportLogsResponse,
  OTLP_CONTENT_TYPES,
  PayloadError,
  statusResponse,
  type OtlpEncoding,
} from '@logline/ingest-protocols';
import { BadRequestError } from '../../errors';
import { ingestRecords, rejectPayload } from '../../ingest/ingest-records';
import { setProtocolErrorHandler } from '../../plugins/error-handler';

function encodingOf(request: FastifyRequest): OtlpEncoding {
  return request.headers['content-type']?.startsWith(OTLP_CONTENT_TYPES.json) ? 'json' : 'protobuf';
}

const otlpRoute: FastifyPluginAsync = async (app) => {
  await app.register(compress, { global: true, requestEncodings: ['gzip', 'deflate'], encodings: ['gzip'] });
  for (const type of Object.values(OTLP_CONTENT_TYPES)) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: app.config.ingest.maxBodyBytes }, (_req, body, done) => done(null, body));
  }
  setProtocolErrorHandler(app, (status, message, request) => {
    const encoding = encodingOf(request);
    return { body: statusResponse(encoding, status, message), contentType: OTLP_CONTENT_TYPES[encoding] };
  });

  app.post(
    '/v1/logs',
    { schema: { summary: 'OTLP/HTTP logs (application/x-protobuf or application/json)', tags: ['ingest'] } },
    async (request, reply) => {
      const body = request.body as Buffer | undefined;
      const encoding = encodingOf(request);
      let decoded;
      try {
        const receivedMs = Date.now();
        decoded = encoding === 'json' ? decodeOtlpJson(body ?? Buffer.alloc(0), receivedMs) : decodeOtlpProtobuf(body ?? Buffer.alloc(0), receivedMs);
      } catch (error) {
        if (!(error instanceof PayloadError)) throw error;
        rejectPayload(app, request, 'otlp', error, body ?? Buffer.alloc(0));
        throw new BadRequestError(error.message);
      }
      const { refused, rejected } = await ingestRecords(app, request, decoded, 'otlp');
      return reply
        .type(OTLP_CONTENT_TYPES[encoding])
        .send(exportLogsResponse(encoding, refused.map((rejection) => rejection.reason), rejected));
    },
  );
};

export default otlpRoute;
