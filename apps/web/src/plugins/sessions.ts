/**
 * Sessions: finds each request's session from its cookie, attaches the signed-in user and the
 * CSRF token its forms carry, and tells every page's header who is looking. Decorates
 * `app.signIn` for the sign-in routes; it is null in single-user local mode, where one token
 * per process protects the forms instead.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { SignInConfig } from '../config';
import { createCsrfToken } from '../auth/csrf';
import { LoginThrottle } from '../auth/login-throttle';
import { expiredSessionCookie, readCookie, readSignedSessionId, SESSION_COOKIE, sessionCookie, signSessionId } from '../auth/session-cookie';
import { readSessionFile, writeSessionFile } from '../auth/session-file';
import { SessionStore, type SessionAccount } from '../auth/session-store';
import { SignInAttempts, type SignInOutcome } from '../auth/sign-in-attempts';
import type { SignInMode } from '../auth/sign-in-mode';
import type { Role, WebUser } from '../auth/users-file';
import { anonymousSessionView, localSessionView, signedInSessionView } from '../view-models/session-view';

export interface SignInService {
  attempt(username: string, password: string, address: string): Promise<SignInOutcome>;
  /** Starts a signed-in session under a new id (ending the anonymous one) and sets its cookie. */
  begin(request: FastifyRequest, reply: FastifyReply, user: WebUser): void;
  /** The CSRF token for the sign-in form: this browser's session's, one started if need be. */
  formToken(request: FastifyRequest, reply: FastifyReply): string;
  end(request: FastifyRequest, reply: FastifyReply): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    signIn: SignInService | null;
  }
  interface FastifyRequest {
    /** The signed-in user; undefined before sign-in and in local mode. */
    account?: { readonly username: string; readonly role: Role };
    /** The token this request's state changes must carry; undefined without a session. */
    csrfToken?: string;
    sessionId?: string;
  }
  interface FastifyReply {
    /** Merged into every view's data by @fastify/view. */
    locals: Record<string, unknown> | null;
  }
}

export interface SessionsOptions {
  readonly mode: SignInMode | undefined;
  readonly config: SignInConfig;
}

const MAX_ANONYMOUS_SESSIONS = 10_000;
const SWEEP_MS = 60_000;

export default fp<SessionsOptions>(
  async (app, { mode, config }) => {
    app.decorateRequest('account', undefined);
    app.decorateRequest('csrfToken', undefined);
    app.decorateRequest('sessionId', undefined);
    if (mode) useSessions(app, mode, config);
    else useProcessToken(app);
  },
  { name: 'sessions', dependencies: ['views'] },
);

/** Local mode: one CSRF token for the life of the process, in every page. */
function useProcessToken(app: FastifyInstance): void {
  const token = createCsrfToken();
  app.decorate('signIn', null);
  app.addHook('onRequest', async (request, reply) => {
    request.csrfToken = token;
    reply.locals = { ...reply.locals, session: localSessionView(token) };
  });
}

function useSessions(app: FastifyInstance, mode: SignInMode, config: SignInConfig): void {
  const store = new SessionStore({ idleMs: config.sessionIdleMs, absoluteMs: config.sessionMaxMs, maxAnonymous: MAX_ANONYMOUS_SESSIONS });
  keepSessionsAcrossRestarts(app, store, config);
  const sweeper = setInterval(() => store.sweep(), SWEEP_MS).unref();
  app.addHook('onClose', async () => clearInterval(sweeper));
  /** The user a session belongs to, as the users file describes them now. */
  const currentUser = (account: SessionAccount) => {
    const user = mode.authenticator.find(account.username);
    return user?.credentialTag === account.credentialTag ? user : undefined;
  };

  app.addHook('onRequest', async (request, reply) => {
    const id = readSignedSessionId(readCookie(request.headers.cookie, SESSION_COOKIE), mode.secret);
    const session = id === undefined ? undefined : store.get(id);
    let view = anonymousSessionView();
    if (id !== undefined && session) {
      const user = session.account && currentUser(session.account);
      if (session.account && !user) {
        // Removed from the users file, or its password changed, since this session began.
        store.destroy(id);
      } else {
        request.sessionId = id;
        request.csrfToken = session.csrfToken;
      }
      if (user) {
        request.account = { username: user.username, role: user.role };
        view = signedInSessionView(user.username, user.role, session.csrfToken);
      }
    }
    reply.locals = { ...reply.locals, session: view };
  });
  app.decorate('signIn', signInService(store, mode, config));
}

function signInService(store: SessionStore, mode: SignInMode, config: SignInConfig): SignInService {
  const attempts = new SignInAttempts(mode.authenticator, new LoginThrottle(config));
  const secure = (request: FastifyRequest) => config.cookieSecure === 'always' || (config.cookieSecure === 'auto' && request.protocol === 'https');
  const setCookie = (request: FastifyRequest, reply: FastifyReply, id: string) =>
    reply.header('set-cookie', sessionCookie(signSessionId(id, mode.secret), secure(request)));
  return {
    attempt: (username, password, address) => attempts.attempt(username, password, address),
    begin: (request, reply, user) => {
      if (request.sessionId) store.destroy(request.sessionId);
      setCookie(request, reply, store.create({ username: user.username, credentialTag: user.credentialTag }).id);
    },
    formToken: (request, reply) => {
      if (request.csrfToken) return request.csrfToken;
      const { id, session } = store.create();
      setCookie(request, reply, id);
      request.sessionId = id;
      request.csrfToken = session.csrfToken;
      return session.csrfToken;
    },
    end: (request, reply) => {
      if (request.sessionId) store.destroy(request.sessionId);
      reply.header('set-cookie', expiredSessionCookie(secure(request)));
    },
  };
}

/** With WEB_SESSIONS_FILE: read the saved sessions now, save the live ones on a clean stop. */
function keepSessionsAcrossRestarts(app: FastifyInstance, store: SessionStore, { sessionsFile: path, sessionSecret }: SignInConfig): void {
  if (!path) {
    // Without a fixed secret, sign-in-mode.ts has already warned that sessions end on restart.
    if (sessionSecret) app.log.info('sessions are kept in memory: they end when the web restarts (set WEB_SESSIONS_FILE to keep them)');
    return;
  }
  try {
    store.restore(readSessionFile(path));
  } catch (error) {
    app.log.warn({ err: error }, 'ignoring the saved sessions in %s: everyone signs in again', path);
  }
  app.addHook('onClose', async () => {
    try {
      writeSessionFile(path, store.signedInEntries());
    } catch (error) {
      app.log.error({ err: error }, 'could not save the sessions to %s: everyone signs in again after the restart', path);
    }
  });
}
