/**
 * Admission to every ingest endpoint (POST routes that need the `ingest` scope): refused before
 * a body is read when storage is behind or too many bodies are in flight, so memory stays bounded
 * however fast producers send; senders retry after Retry-After (each protocol's error form).
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { ServiceUnavailableError } from '../errors';

export default fp(async function ingestAdmission(app: FastifyInstance) {
  let inFlight = 0;
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'POST' || request.routeOptions.config?.scope !== 'ingest') return;
    if (!app.ingest.hasRoomFor(1)) {
      throw new ServiceUnavailableError(`storage is behind (${app.ingest.pendingRows} rows waiting); retry shortly`, 1);
    }
    if (inFlight >= app.config.ingest.maxConcurrentRequests) {
      throw new ServiceUnavailableError(`more than ${app.config.ingest.maxConcurrentRequests} ingest requests in flight; retry shortly`, 1);
    }
    inFlight += 1;
    request.raw.once('close', () => (inFlight -= 1));
  });
});
