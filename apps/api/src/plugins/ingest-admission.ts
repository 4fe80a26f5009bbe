/**
 * Admission to every ingest endpoint (POST routes that need the `ingest` scope): refused before
 * a body is read when storage is behind, when too many bodies are in flight, or when their bytes
 * together would pass the memory budget (INGEST_MAX_BUFFERED_BYTES), so memory stays bounded
 * however fast producers send; senders retry after Retry-After (each protocol's error form).
 */
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { ServiceUnavailableError } from '../errors';

export default fp(async function ingestAdmission(app: FastifyInstance) {
  const { maxConcurrentRequests, maxBodyBytes, maxBufferedBytes } = app.config.ingest;
  let inFlight = 0;
  let bufferedBytes = 0;
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.config?.scope !== 'ingest') return;
    if (!app.ingest.hasRoomFor(1)) {
      throw new ServiceUnavailableError(`storage is behind (${app.ingest.pendingRows} rows waiting); retry shortly`, 1);
    }
    if (inFlight >= maxConcurrentRequests) {
      throw new ServiceUnavailableError(`more than ${maxConcurrentRequests} ingest requests in flight; retry shortly`, 1);
    }
    // A body without a length may grow to the limit, so it reserves that much.
    const declared = Number(request.headers['content-length']);
    const bytes = Number.isFinite(declared) && declared >= 0 ? Math.min(declared, maxBodyBytes) : maxBodyBytes;
    if (inFlight > 0 && bufferedBytes + bytes > maxBufferedBytes) {
      throw new ServiceUnavailableError(`ingest bodies in flight would pass ${maxBufferedBytes} bytes (INGEST_MAX_BUFFERED_BYTES); retry shortly`, 1);
    }
    inFlight += 1;
    bufferedBytes += bytes;
    // The answer's 'close' comes however the request ends: answered, refused, or the client gone.
    reply.raw.once('close', () => {
      inFlight -= 1;
      bufferedBytes -= bytes;
    });
  });
});
