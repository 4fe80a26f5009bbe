/**
 * Applies auth/access-policy.ts when sign-in is on: anonymous page requests are sent to the
 * sign-in page (with where they were going), other anonymous requests get 401, and viewers get
 * 403 on admin-only pages.
 */
import fp from 'fastify-plugin';
import { AdminOnlyError, SignInRequiredError } from '../auth/access-errors';
import { redirectsToSignIn, requiredRole } from '../auth/access-policy';

export default fp(
  async (app) => {
    if (!app.signIn) return;
    app.addHook('onRequest', async (request, reply) => {
      const { url: route, config } = request.routeOptions;
      const role = requiredRole(route);
      if (role === 'none') return;
      if (!request.account) {
        if (!redirectsToSignIn(request.method, route, config.fragment === true)) throw new SignInRequiredError();
        return reply.header('cache-control', 'no-store').redirect(`/login?next=${encodeURIComponent(request.url)}`, 302);
      }
      if (role === 'admin' && request.account.role !== 'admin') throw new AdminOnlyError();
    });
  },
  { name: 'access-control', dependencies: ['sessions'] },
);
