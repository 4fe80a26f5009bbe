/**
 * Sign-in, sessions, the per-user parts (the user relayed to the api, rate limits), access control
 * and CSRF protection, in the order they must run. With no WEB_USERS_FILE there is no user: rate
 * limits count per address and only the CSRF protection guards forms (single-user local mode).
 */
import fp from 'fastify-plugin';
import type { SignInConfig } from '../config';
import { chooseSignInMode } from '../auth/sign-in-mode';
import accessControl from './access-control';
import csrfGuard from './csrf-guard';
import formBody from './form-body';
import rateLimits from './rate-limits';
import servedUser from './served-user';
import sessions from './sessions';

export interface SignInOptions {
  readonly config: SignInConfig;
  /** The address the web listens on: without users, only loopback is allowed by default. */
  readonly host: string;
  /** Requests per minute per signed-in user (or address); 0: no limit. */
  readonly rateLimitPerMinute: number;
}

export default fp<SignInOptions>(
  async (app, { config, host, rateLimitPerMinute }) => {
    const mode = chooseSignInMode(config, host, app.log);
    await app.register(formBody);
    await app.register(sessions, { mode, config });
    // Both need to know who is signed in: after sessions.
    await app.register(servedUser);
    await app.register(rateLimits, { perMinute: rateLimitPerMinute });
    await app.register(accessControl);
    await app.register(csrfGuard);
  },
  { name: 'sign-in' },
);
