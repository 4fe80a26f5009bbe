/**
 * The one error handler: client mistakes keep their message and status; storage trouble becomes
 * a 503; anything else is logged with its context and answered with a generic 500. The standard
 * protocols' doors answer the same failures in their protocol's own error form.
 */
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { BufferFullError, InserterClosedError, isServerUnreachable, StatsTooLargeError, StorageUnavailableError } from '@logline/ch-client';
import { BadRequestError, HttpError, ServiceUnavailableError } from '../errors';

function classify(error: FastifyError | Error): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof BufferFullError) return new ServiceUnavailableError(error.message, error.retryAfterSeconds);
  if (error instanceof InserterClosedError) return new ServiceUnavailableError(error.message, 1);
  if (error instanceof StorageUnavailableError) return new ServiceUnavailableError(error.message, 5);
  if (error instanceof StatsTooLargeError) return new BadRequestError(error.message);
  // A ClickHouse server that is down or unreachable is storage trouble, not a fault of the api.
  if (isServerUnreachable(error)) return new ServiceUnavailableError('storage is unavailable: the ClickHouse server cannot be reached', 5);
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) return new HttpError(status, error.message);
  return undefined;
}

/** The failure as the client sees it; logged, and with 5xx details hidden. */
function toClientError(error: FastifyError, request: FastifyRequest): HttpError {
  const known = classify(error);
  if (known) {
    if (known.statusCode >= 500) request.log.warn({ err: error }, 'request refused: %s', known.message);
    return known;
  }
  request.log.error({ err: error, url: request.url }, 'request failed');
  return new HttpError(500, 'internal error');
}

/** A protocol's error body (and its content type) for a status and message. */
export type RenderError = (status: number, message: string, request: FastifyRequest) => { body: unknown; contentType?: string };

/** Answers the failures of the routes in `app`'s context in a protocol's own error form. */
export function setProtocolErrorHandler(app: FastifyInstance, render: RenderError): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toClientError(error, request);
    const { body, contentType } = render(known.statusCode, known.message, request);
    if (contentType) reply.type(contentType);
    return reply.code(known.statusCode).headers(known.headers).send(body);
  });
}

export default fp(async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toClientError(error, request);
    const { statusCode, message } = known;
    return reply.code(statusCode).headers(known.headers).send({ statusCode, error: reasonPhrase(statusCode), message });
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
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return phrases[status] ?? 'Error';
}
