/**
 * Every state-changing request (anything but GET, HEAD, OPTIONS) must carry its session's CSRF
 * token, in the `_csrf` form field or the X-CSRF-Token header, or it is refused with 403 before
 * its handler runs. Runs after the body is parsed and before it is validated.
 */
import fp from 'fastify-plugin';
import { isSameSecret } from '@logline/security';
import { CsrfTokenError } from '../auth/access-errors';
import { CSRF_FIELD, CSRF_HEADER } from '../auth/csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export default fp(
  async (app) => {
    app.addHook('preValidation', async (request) => {
      if (SAFE_METHODS.has(request.method)) return;
      const body = request.body;
      const fromForm = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[CSRF_FIELD] : undefined;
      if (!isSameSecret(request.csrfToken, fromForm ?? request.headers[CSRF_HEADER])) throw new CsrfTokenError();
    });
  },
  { name: 'csrf-guard', dependencies: ['sessions'] },
);
