import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Fastify's request lines ("incoming request", "request completed") at debug instead of info, so
 * a terminal at the default level shows what happens, not every page load; failed requests stay
 * at error. Requests `quiet` matches get no lines at all.
 */
export class DebugRequestLog extends LogController {
  constructor(quiet: (request: FastifyRequest) => boolean = () => false) {
    super({ disableRequestLogging: quiet });
  }

  override incomingRequest(request: FastifyRequest): void {
    if (!this.isLogDisabled(request)) request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
