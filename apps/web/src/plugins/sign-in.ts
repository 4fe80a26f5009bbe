/**
 * Sign-in, sessions, access control and CSRF protection, in the order they must run. With no
 * WEB_USERS_FILE only the CSRF protection is active (single-user local mode).
 */
import fp from 'fastify-plugin';
import type { SignInConfig } from '../config';
import { chooseSignInMode } from '../auth/sign-in-mode';
import accessControl from './access-control';
import csrfGuard from './csrf-guard';
import formBody from './form-body';
import sessions from './sessions';

export interface SignInOptions {
  readonly config: SignInConfig;
  /** The address the web listens on: without users, only loopback is allowed by default. */
  readonly host: string;
}

export default fp<SignInOptions>(
  async (app, { config, host }) => {
    const mode = chooseSignInMode(config, host, app.log);
    await app.register(formBody);
    await app.register(sessions, { mode, config });
    await app.register(accessControl);
    await app.register(csrfGuard);
  },
  { name: 'sign-in' },
);
