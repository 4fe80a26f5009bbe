/**
 * Bearer-token authentication with scopes. Each route names the scope it needs in its config
 * (`config: { scope: 'read' }`); routes without one are public (health, API docs). With no
 * tokens configured authentication is off and the api only listens on loopback (see main.ts).
 */
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../errors';
import { allows, type Principal, type Scope, type TokenStore } from '../auth/token-store';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Scope a bearer token must hold for this route when authentication is on. */
    scope?: Scope;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

export default fp(async function auth(app: FastifyInstance, options: { tokens: TokenStore }) {
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const scope = request.routeOptions.config?.scope;
    if (!scope || !options.tokens.enabled) return;
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new HttpError(401, 'authentication required: send Authorization: Bearer <token>', { 'www-authenticate': 'Bearer' });
    const principal = options.tokens.authenticate(token);
    if (!principal) throw new HttpError(401, 'unknown or revoked token', { 'www-authenticate': 'Bearer error="invalid_token"' });
    if (!allows(principal, scope)) throw new HttpError(403, `token '${principal.name}' lacks the '${scope}' scope`);
    request.principal = principal;
  });
});
