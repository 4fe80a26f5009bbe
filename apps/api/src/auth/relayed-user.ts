/**
 * The user a client says it calls for: the web app names its signed-in user in X-Logline-User.
 * Trusted as far as the client's token is (any token may name one): used for per-user rate
 * limits and to say who saved a search, never to grant access.
 */
import type { FastifyRequest } from 'fastify';
import { RELAYED_USER_HEADER } from '@logline/security';

const MAX_RELAYED_USER_LENGTH = 256;

export function relayedUser(request: FastifyRequest): string | undefined {
  const user = request.headers[RELAYED_USER_HEADER];
  return typeof user === 'string' && user !== '' && user.length <= MAX_RELAYED_USER_LENGTH ? user : undefined;
}
