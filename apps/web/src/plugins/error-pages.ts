// The one error handler: every failure becomes a page (or, for the live fragment, a panel) that
// says what went wrong in words; stack traces stay in the log.
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiUnavailableError } from '../api-client/api-errors';
import { describeError, notFound, type ErrorView } from '../view-models/error-page';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers with an HTML fragment for the page's script, not a whole page. */
    fragment?: boolean;
  }
}

export interface ErrorPagesOptions {
  /** Named on the page when the api cannot be reached. */
  readonly apiUrl: string;
}

export default fp<ErrorPagesOptions>(
  async (app, options) => {
    app.setErrorHandler(async (error, request, reply) => {
      const view = describeError(error, options.apiUrl);
      if (error instanceof ApiUnavailableError) {
        request.log.warn({ reason: error.reason, detail: error.detail }, 'api unavailable');
      } else if (view.statusCode >= 500) {
        request.log.error({ err: error }, 'page failed');
      }
      return renderError(request, reply, view);
    });
    app.setNotFoundHandler(async (request, reply) => renderError(request, reply, notFound()));
  },
  { name: 'error-pages' },
);

function renderError(request: FastifyRequest, reply: FastifyReply, view: ErrorView) {
  const page = request.routeOptions.config.fragment === true ? 'error-fragment.hbs' : 'error.hbs';
  return reply.code(view.statusCode).header('cache-control', 'no-store').view(page, view);
}
