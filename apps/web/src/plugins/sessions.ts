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
import { expiredSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from '../auth/session-cookie';
import {
  csrfTokenOf,
  decodeSession,
  encodeSession,
  isExpired,
  LAST_SEEN_RESOLUTION_MS,
  newSession,
  sessionDeadline,
  sessionDigest,
  type Session,
  type SessionAccount,
} from '../auth/session-token';
import { SignedOutSessions } from '../auth/signed-out-sessions';
import { SignInAttempts, type SignInOutcome } from '../auth/sign-in-attempts';
import { SignInThrottle } from '../auth/sign-in-throttle';
import type { SignInMode } from '../auth/sign-in-mode';
import type { Role, WebUser } from '../auth/users-file';
import { anonymousSessionView, localSessionView, signedInSessionView } from '../view-models/session-view';

export interface SignInService {
  attempt(username: string, password: string, address: string): Promise<SignInOutcome>;
  /** Starts a signed-in session under a new id (replacing the anonymous one) and sets its cookie. */
  begin(request: FastifyRequest, reply: FastifyReply, user: WebUser): void;
  /** The CSRF token for the sign-in form: this browser's session's, one started if need be. */
  formToken(request: FastifyRequest, reply: FastifyReply): string;
  /** Ends the session on every replica and removes its cookie. */
  end(request: FastifyRequest, reply: FastifyReply): Promise<void>;
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
    session?: Session;
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

/** How often each replica reads the sign-outs of the others. */
const SIGNED_OUT_REFRESH_MS = 2_000;

export default fp<SessionsOptions>(
  async (app, { mode, config }) => {
    app.decorateRequest('account', undefined);
    app.decorateRequest('csrfToken', undefined);
    app.decorateRequest('session', undefined);
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
  const signedOut = new SignedOutSessions({ list: () => app.api.listSessionEnds(), record: (end) => app.api.recordSessionEnd(end) });
  keepSignedOutRefreshed(app, signedOut);
  const limits = { idleMs: config.sessionIdleMs, absoluteMs: config.sessionMaxMs };
  const secure = (request: FastifyRequest) => config.cookieSecure === 'always' || (config.cookieSecure === 'auto' && request.protocol === 'https');
  const setCookie = (request: FastifyRequest, reply: FastifyReply, session: Session) =>
    reply.header('set-cookie', sessionCookie(encodeSession(session, mode.secret), secure(request)));
  /** The user a session belongs to, as the users file describes them now. */
  const currentUser = (account: SessionAccount) => {
    const user = mode.authenticator.find(account.username);
    return user?.credentialTag === account.credentialTag ? user : undefined;
  };
  /** The request's session and its user, unless expired, signed out, or the user removed or their password changed. */
  const liveSession = (request: FastifyRequest, now: number): { session: Session; user?: WebUser } | undefined => {
    const session = decodeSession(readCookie(request.headers.cookie, SESSION_COOKIE), mode.secret);
    if (!session || isExpired(session, limits, now) || signedOut.has(sessionDigest(session))) return undefined;
    if (!session.account) return { session };
    const user = currentUser(session.account);
    return user ? { session, user } : undefined;
  };

  app.addHook('onRequest', async (request, reply) => {
    const now = Date.now();
    const live = liveSession(request, now);
    let view = anonymousSessionView();
    if (live) {
      const { session, user } = live;
      request.session = session;
      request.csrfToken = csrfTokenOf(session, mode.secret);
      // The cookie says when it was last used: renewed now and then, not on every request.
      if (now - session.lastSeenAt >= LAST_SEEN_RESOLUTION_MS) setCookie(request, reply, { ...session, lastSeenAt: now });
      if (user) {
        request.account = { username: user.username, role: user.role };
        view = signedInSessionView(user.username, user.role, request.csrfToken);
      }
    }
    reply.locals = { ...reply.locals, session: view };
  });
  app.decorate('signIn', signInService(app, { mode, config, signedOut, limits, setCookie, secure }));
}

interface SignInParts {
  readonly mode: SignInMode;
  readonly config: SignInConfig;
  readonly signedOut: SignedOutSessions;
  readonly limits: { readonly idleMs: number; readonly absoluteMs: number };
  readonly setCookie: (request: FastifyRequest, reply: FastifyReply, session: Session) => void;
  readonly secure: (request: FastifyRequest) => boolean;
}

function signInService(app: FastifyInstance, { mode, config, signedOut, limits, setCookie, secure }: SignInParts): SignInService {
  const attempts = new SignInAttempts(mode.authenticator, new SignInThrottle(app.api, config), (error) =>
    app.log.warn({ err: error }, 'signed in, but the api did not take the attempt back: it counts against the budgets until they forget it'),
  );
  return {
    attempt: (username, password, address) => attempts.attempt(username, password, address),
    begin: (request, reply, user) => {
      setCookie(request, reply, newSession({ username: user.username, credentialTag: user.credentialTag }, Date.now()));
    },
    formToken: (request, reply) => {
      if (request.csrfToken) return request.csrfToken;
      const session = newSession(undefined, Date.now());
      setCookie(request, reply, session);
      request.session = session;
      request.csrfToken = csrfTokenOf(session, mode.secret);
      return request.csrfToken;
    },
    end: async (request, reply) => {
      reply.header('set-cookie', expiredSessionCookie(secure(request)));
      const session = request.session;
      if (!session?.account) return;
      try {
        await signedOut.end(sessionDigest(session), sessionDeadline(session, limits));
      } catch (error) {
        app.log.error({ err: error }, 'could not record the sign-out with the api: other web replicas accept this session until it expires');
      }
    },
  };
}

/** Reads the sign-outs of every replica now and every SIGNED_OUT_REFRESH_MS, saying once when that fails. */
function keepSignedOutRefreshed(app: FastifyInstance, signedOut: SignedOutSessions): void {
  let failing = false;
  const refresh = async () => {
    try {
      await signedOut.refresh();
      if (failing) app.log.info('reading the sign-outs of other web replicas from the api works again');
      failing = false;
    } catch (error) {
      if (!failing) app.log.warn({ err: error }, 'cannot read the sign-outs of other web replicas from the api: retrying');
      failing = true;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await refresh();
    timer = setInterval(() => void refresh(), SIGNED_OUT_REFRESH_MS).unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
