/**
 * The one error handler: client mistakes keep their message and status; storage trouble becomes
 * a 503; anything else is logged with its context and answered with a generic 500.
 */
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance } from 'fastify';
import { BufferFullError, InserterClosedError, isServerUnreachable, StorageUnavailableError } from '@logline/ch-client';
import { HttpError, ServiceUnavailableError } from '../errors';

function classify(error: FastifyError | Error): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof BufferFullError) return new ServiceUnavailableError(error.message, error.retryAfterSeconds);
  if (error instanceof InserterClosedError) return new ServiceUnavailableError(error.message, 1);
  if (error instanceof StorageUnavailableError) return new ServiceUnavailableError(error.message, 5);
  // A ClickHouse server that is down or unreachable is storage trouble, not a fault of the api.
  if (isServerUnreachable(error)) return new ServiceUnavailableError('storage is unavailable: the ClickHouse server cannot be reached', 5);
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) return new HttpError(status, error.message);
  return undefined;
}

export default fp(async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = classify(error);
    if (known) {
      if (known.statusCode >= 500) request.log.warn({ err: error }, 'request refused: %s', known.message);
      return reply
        .code(known.statusCode)
        .headers(known.headers)
        .send({ statusCode: known.statusCode, error: reasonPhrase(known.statusCode), message: known.message });
    }
    request.log.error({ err: error, url: request.url }, 'request failed');
    return reply.code(500).send({ statusCode: 500, error: 'Internal Server Error', message: 'internal error' });
  });
});

function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    429: 'Too Many Requests',
    503: 'Service Unavailable',
  };
  return phrases[status] ?? 'Error';
}
