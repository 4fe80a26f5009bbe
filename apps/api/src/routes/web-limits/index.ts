/**
 * The budgets the web replicas share, kept in ClickHouse so that they hold across all of them:
 * sign-in attempts (counted before the password is checked) and rate-limit counts. Only a token
 * with the `web` scope may call these: like the sign-out list, they are the web's own state.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, RateLimitReport, RateLimitTotals, SignInAttemptRequest, SignInLimits, SignInStart, SignInSuccess, SignInWait } from '@logline/api-contract';

/** The limiter name of the web's counts in logs.rate_limit_hits (the api's own are `api`). */
const WEB_LIMITER = 'web';

const webLimitRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/v1/web/sign-in-attempts',
    {
      schema: {
        summary: 'Count a sign-in attempt before its password is checked, unless a budget is used up',
        tags: ['operations'],
        body: SignInAttemptRequest,
        response: { 200: SignInStart, 400: ErrorBody },
      },
    },
    async (request) => {
      const start = await app.store.beginSignIn(request.body, limitsOf(request.body.limits), Date.now());
      return { attempt: start.attempt ?? null, retry_after_ms: start.retryAfterMs };
    },
  );

  app.post(
    '/api/v1/web/sign-in-attempts/wait',
    {
      schema: { summary: 'How long until a user may try to sign in from an address', tags: ['operations'], body: SignInAttemptRequest, response: { 200: SignInWait, 400: ErrorBody } },
    },
    async (request) => ({ retry_after_ms: await app.store.signInRetryAfterMs(request.body, limitsOf(request.body.limits), Date.now()) }),
  );

  app.post(
    '/api/v1/web/sign-ins',
    { schema: { summary: 'A counted attempt had the right password', tags: ['operations'], body: SignInSuccess, response: { 204: Type.Null(), 400: ErrorBody } } },
    async (request, reply) => {
      await app.store.succeedSignIn(request.body, request.body.attempt);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/web/rate-limit-hits',
    {
      schema: {
        summary: "Add a web replica's rate-limit counts; answers the other web replicas' totals in the window",
        tags: ['operations'],
        body: RateLimitReport,
        response: { 200: RateLimitTotals, 400: ErrorBody },
      },
    },
    async (request) => {
      const { replica, window_start_ms: windowStartMs, hits } = request.body;
      const others = await app.store.exchangeRateLimitHits({
        limiter: WEB_LIMITER,
        windowStartMs,
        replica,
        hits: new Map(hits.map((entry) => [entry.key, entry.hits])),
      });
      return { hits: [...others].map(([key, total]) => ({ key, hits: total })) };
    },
  );
};

function limitsOf(limits: SignInLimits) {
  return {
    perUserAddress: limits.per_user_address,
    perAddress: limits.per_address,
    perUserUnknownAddresses: limits.per_user_unknown_addresses,
    windowMs: limits.window_ms,
  };
}

export default webLimitRoutes;
