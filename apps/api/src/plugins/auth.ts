/**
 * Token authentication with scopes. Each route names the scope it needs in its config
 * (`config: { scope: 'read' }`); routes without one are public (health, API docs). With no
 * tokens configured authentication is off and the api only listens on loopback (see main.ts).
 * The token comes as `Authorization: Bearer <token>`, or, for shippers that can only send the
 * credentials of the protocol they speak, as the password of `Basic` (Fluent Bit's and
 * Filebeat's Elasticsearch outputs, Promtail) or the key of an Elasticsearch `ApiKey` (`id:key`).
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

export function presentedToken(header: string | undefined): string | undefined {
  const match = header ? /^(Bearer|Basic|ApiKey)\s+(\S+)$/i.exec(header) : null;
  if (!match) return undefined;
  if (match[1].toLowerCase() === 'bearer') return match[2];
  // Basic user:password and ApiKey id:key, base64: the token is the part after the first colon.
  const decoded = Buffer.from(match[2], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? undefined : decoded.slice(colon + 1) || undefined;
}

export default fp(async function auth(app: FastifyInstance, options: { tokens: TokenStore }) {
  app.decorateRequest('principal', undefined);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const scope = request.routeOptions.config?.scope;
    if (!scope || !options.tokens.enabled) return;
    const token = presentedToken(request.headers.authorization);
    if (!token) throw new HttpError(401, 'authentication required: send Authorization: Bearer <token>', { 'www-authenticate': 'Bearer' });
    const principal = options.tokens.authenticate(token);
    if (!principal) throw new HttpError(401, 'unknown or revoked token', { 'www-authenticate': 'Bearer error="invalid_token"' });
    if (!allows(principal, scope)) throw new HttpError(403, `token '${principal.name}' lacks the '${scope}' scope`);
    request.principal = principal;
  });
});
