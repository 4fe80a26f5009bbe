// Sign-in and sign-out (only when WEB_USERS_FILE is set): GET/POST /login, POST /logout.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { safeNextPath } from '../../auth/next-path';
import { buildLoginPage } from '../../view-models/login-page';

const LoginQuery = Type.Object({
  next: Type.Optional(Type.String()),
  signed_out: Type.Optional(Type.Literal('1')),
});

// Empty rather than missing, so a blank form gets the sign-in page's own message.
const LoginForm = Type.Object({
  username: Type.String({ default: '' }),
  password: Type.String({ default: '' }),
  next: Type.String({ default: '/' }),
});

const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const signIn = app.signIn;
  if (!signIn) return;

  app.get('/login', { schema: { querystring: LoginQuery } }, async (request, reply) => {
    const next = safeNextPath(request.query.next);
    if (request.account) return reply.redirect(next, 303);
    const csrfToken = signIn.formToken(request, reply);
    const view = buildLoginPage({ next, csrfToken, signedOut: request.query.signed_out === '1' });
    return reply.header('cache-control', 'no-store').view('login.hbs', view);
  });

  app.post('/login', { schema: { body: LoginForm } }, async (request, reply) => {
    const { password } = request.body;
    const username = request.body.username.trim();
    const next = safeNextPath(request.body.next);
    const page = { next, csrfToken: request.csrfToken ?? '', username };
    reply.header('cache-control', 'no-store');
    if (username === '' || password === '') {
      return reply.code(400).view('login.hbs', buildLoginPage({ ...page, problem: { kind: 'missing' } }));
    }
    const outcome = await signIn.attempt(username, password, request.ip);
    if (outcome.kind === 'signed-in') {
      signIn.begin(request, reply, outcome.user);
      request.log.info({ username: outcome.user.username, address: request.ip }, 'signed in');
      return reply.redirect(next, 303);
    }
    request.log.warn({ address: request.ip, outcome: outcome.kind, detail: outcome.kind === 'unavailable' ? outcome.detail : undefined }, 'sign-in failed');
    if (outcome.kind === 'locked') {
      reply.code(429).header('retry-after', String(Math.ceil(outcome.retryAfterMs / 1000)));
      return reply.view('login.hbs', buildLoginPage({ ...page, problem: outcome }));
    }
    if (outcome.kind === 'busy' || outcome.kind === 'unavailable') {
      return reply.code(503).header('retry-after', outcome.kind === 'busy' ? '2' : '5').view('login.hbs', buildLoginPage({ ...page, problem: outcome }));
    }
    return reply.code(401).view('login.hbs', buildLoginPage({ ...page, problem: outcome }));
  });

  app.post('/logout', async (request, reply) => {
    request.log.info({ username: request.account?.username }, 'signed out');
    await signIn.end(request, reply);
    return reply.header('cache-control', 'no-store').redirect('/login?signed_out=1', 303);
  });
};

export default sessionRoutes;
