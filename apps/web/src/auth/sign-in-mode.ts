/**
 * Decides at start whether sign-in is on. Secure default, as the api's: with no WEB_USERS_FILE
 * the web is a single-user local tool, so it refuses to listen beyond loopback unless
 * WEB_ALLOW_ANONYMOUS says that is intended.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { isLoopbackHost } from '@logline/security';
import type { SignInConfig } from '../config';
import { Authenticator } from './authenticator';
import { loadUsersFile } from './users-file';

export interface SignInMode {
  readonly authenticator: Authenticator;
  /** Signs session cookies. */
  readonly secret: string;
}

/** The users and cookie secret when sign-in is on; undefined in single-user local mode. */
export function chooseSignInMode(config: SignInConfig, host: string, log: FastifyBaseLogger): SignInMode | undefined {
  if (config.usersFile) {
    const users = loadUsersFile(config.usersFile);
    log.info('sign-in is on: %d users from %s', users.length, config.usersFile);
    if (!config.sessionSecret) {
      log.warn('WEB_SESSION_SECRET is not set: sessions are signed with a secret made for this process, so they all end when the web restarts');
    }
    return { authenticator: new Authenticator(users), secret: config.sessionSecret ?? randomBytes(32).toString('base64url') };
  }
  if (!isLoopbackHost(host)) {
    if (!config.allowAnonymous) {
      throw new Error(
        `refusing to listen on ${host} without sign-in: set WEB_USERS_FILE ` +
          '(see `main.js hash-password`), or WEB_ALLOW_ANONYMOUS=true if the network is protected otherwise',
      );
    }
    log.warn('sign-in is OFF and the web listens on %s (WEB_ALLOW_ANONYMOUS=true)', host);
  } else {
    log.info('sign-in is off (no WEB_USERS_FILE): single-user local mode, listening on loopback only');
  }
  return undefined;
}
