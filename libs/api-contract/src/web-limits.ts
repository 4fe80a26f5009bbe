/**
 * The budgets every web replica shares through the api: sign-in attempts
 * (/api/v1/web/sign-in-attempts, /api/v1/web/sign-ins) and rate-limit counts
 * (/api/v1/web/rate-limit-hits). The web names its own limits; the api counts.
 */
import { Type, type Static } from 'typebox';

const AttemptId = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'An attempt the api counted.' });
const Username = Type.String({ minLength: 1, maxLength: 256, description: 'As typed; compared trimmed and lower-cased.' });
const Address = Type.String({ minLength: 1, maxLength: 100, description: "The client's address, as the web sees it." });

export const SignInLimits = Type.Object({
  per_user_address: Type.Integer({ minimum: 1, description: 'Attempts for one username from one address.' }),
  per_address: Type.Integer({ minimum: 1, description: 'Attempts from one address, any usernames.' }),
  per_user_unknown_addresses: Type.Integer({ minimum: 1, description: 'Attempts for one username from addresses it has not signed in from.' }),
  window_ms: Type.Integer({ minimum: 1_000, maximum: 86_400_000, description: 'How long an attempt counts.' }),
});
export type SignInLimits = Static<typeof SignInLimits>;

export const SignInAttemptRequest = Type.Object({ username: Username, address: Address, limits: SignInLimits });
export type SignInAttemptRequest = Static<typeof SignInAttemptRequest>;

export const SignInStart = Type.Object({
  attempt: Type.Union([AttemptId, Type.Null()], { description: 'The attempt counted, when it may go ahead.' }),
  retry_after_ms: Type.Integer({ minimum: 0, description: '0 when the attempt may go ahead; else how long until one may.' }),
});
export type SignInStart = Static<typeof SignInStart>;

export const SignInWait = Type.Object({ retry_after_ms: Type.Integer({ minimum: 0 }) });
export type SignInWait = Static<typeof SignInWait>;

export const SignInSuccess = Type.Object({ username: Username, address: Address, attempt: AttemptId });
export type SignInSuccess = Static<typeof SignInSuccess>;

const KeyHits = Type.Object({ key: Type.String({ minLength: 1, maxLength: 512 }), hits: Type.Integer({ minimum: 1 }) });

export const RateLimitReport = Type.Object({
  replica: Type.String({ minLength: 1, maxLength: 128, description: 'The web replica reporting.' }),
  window_start_ms: Type.Integer({ minimum: 0, description: 'The start of the fixed window counted, epoch ms.' }),
  hits: Type.Array(KeyHits, { maxItems: 10_000, description: 'Requests counted per key since the last report.' }),
});
export type RateLimitReport = Static<typeof RateLimitReport>;

export const RateLimitTotals = Type.Object({ hits: Type.Array(KeyHits, { description: "The other web replicas' totals per key in the window." }) });
export type RateLimitTotals = Static<typeof RateLimitTotals>;
