// The web process's settings, read from the environment once at start and frozen.
import envSchema from 'env-schema';
import { Type, type Static } from 'typebox';
import { LOG_FORMATS, LOGGER_LEVELS, type LogSettings } from '@logline/logging';
import { allowedHosts, parseHostList, readSecretSetting, type AllowedHosts } from '@logline/security';

const ConfigSchema = Type.Object({
  /** Interface the web server binds to. Default 127.0.0.1 (this machine only). */
  WEB_HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  /** Port the web server listens on; 0 picks a free one. Default 3000. */
  WEB_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  /** Host names the page may be opened under besides addresses and localhost (comma-separated; * for any). */
  WEB_ALLOWED_HOSTS: Type.String({ default: '' }),
  /** Base URL of the Logline api. Default http://127.0.0.1:4000. */
  API_URL: Type.String({ pattern: '^https?://[^\\s/]+', default: 'http://127.0.0.1:4000' }),
  /** How long one call to the api may take, connect to last byte, in ms. Default 5000. */
  API_TIMEOUT_MS: Type.Integer({ minimum: 1, maximum: 600_000, default: 5000 }),
  /** Level of the web server's own log (pino names). Default info. */
  LOG_LEVEL: Type.Enum(LOGGER_LEVELS, { default: 'info' }),
  /** json (one object a line, for collectors) or pretty (readable lines for a terminal). Default json. */
  LOG_FORMAT: Type.Enum(LOG_FORMATS, { default: 'json' }),
  /** Bearer token (read and web scopes) sent on every call to a secured api. Default: none. Prefer API_TOKEN_FILE. */
  API_TOKEN: Type.String({ default: '' }),
  /** A tracing UI's URL with {trace_id} in it (Jaeger, Tempo, ...); set: event pages link there. */
  TRACE_URL_TEMPLATE: Type.String({ default: '', pattern: '^(https?://\\S*\\{trace_id\\}\\S*)?$' }),
  /** File holding API_TOKEN (e.g. a Docker secret). */
  API_TOKEN_FILE: Type.String({ default: '' }),
  /** JSON or YAML list of {username, role, password_hash}; set: every page needs a sign-in. */
  WEB_USERS_FILE: Type.String({ default: '' }),
  /** Allow listening beyond loopback with no WEB_USERS_FILE. Default false. */
  WEB_ALLOW_ANONYMOUS: Type.Boolean({ default: false }),
  /** Signs session cookies; the same on every web replica. Unset: a random secret per process. At least 32 characters. Prefer WEB_SESSION_SECRET_FILE. */
  WEB_SESSION_SECRET: Type.String({ default: '', pattern: '^(.{32,})?$' }),
  /** File holding WEB_SESSION_SECRET. */
  WEB_SESSION_SECRET_FILE: Type.String({ default: '' }),
  /** Bearer token GET /metrics requires (needed for /metrics at all when sign-in is on). Prefer WEB_METRICS_TOKEN_FILE. */
  WEB_METRICS_TOKEN: Type.String({ default: '' }),
  /** File holding WEB_METRICS_TOKEN. */
  WEB_METRICS_TOKEN_FILE: Type.String({ default: '' }),
  /** Requests per minute per signed-in user (or client address without sign-in); 0 turns it off. Default 600. */
  WEB_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 0, default: 600 }),
  /** A session unused this long ends. Default 60. */
  WEB_SESSION_IDLE_MINUTES: Type.Integer({ minimum: 1, maximum: 10_080, default: 60 }),
  /** A session ends this long after sign-in, however active. Default 12. */
  WEB_SESSION_MAX_HOURS: Type.Integer({ minimum: 1, maximum: 720, default: 12 }),
  /** Secure flag of the session cookie: auto (when the request came over https), true, false. */
  WEB_COOKIE_SECURE: Type.Enum(['auto', 'true', 'false'], { default: 'auto' }),
  /** Proxies trusted for X-Forwarded-For/-Proto: false, true, a hop count or addresses. */
  WEB_TRUST_PROXY: Type.String({ default: 'false' }),
  /** Sign-in attempts for one username from one address before that pair is locked. Default 5. */
  WEB_LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1, maximum: 1000, default: 5 }),
  /** Sign-in attempts from one client address, any usernames, before it is locked. Default 20. */
  WEB_LOGIN_MAX_FAILURES_PER_ADDRESS: Type.Integer({ minimum: 1, maximum: 100_000, default: 20 }),
  /** Sign-in attempts for one username from addresses it has not signed in from, before it is locked there. Default 50. */
  WEB_LOGIN_MAX_FAILURES_PER_USER: Type.Integer({ minimum: 1, maximum: 100_000, default: 50 }),
  /** How long an attempt counts, on every web replica together: the longest a lock lasts. Default 15. */
  WEB_LOGIN_LOCKOUT_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 15 }),
});

/** Who may sign in and how sessions behave; see README "Security". */
export interface SignInConfig {
  /** Unset: single-user local mode, no sign-in. */
  readonly usersFile?: string;
  readonly allowAnonymous: boolean;
  /** Unset: a random secret for this process only. */
  readonly sessionSecret?: string;
  readonly sessionIdleMs: number;
  readonly sessionMaxMs: number;
  readonly cookieSecure: 'auto' | 'always' | 'never';
  readonly maxFailuresPerUser: number;
  readonly maxFailuresPerAddress: number;
  readonly maxFailuresPerUserAllAddresses: number;
  readonly lockoutMs: number;
}

export interface WebConfig {
  readonly host: string;
  readonly port: number;
  /** Host names requests may name besides addresses and localhost (DNS rebinding). */
  readonly allowedHosts: AllowedHosts;
  /** Always ends in `/`, so api paths resolve beneath any path prefix it carries. */
  readonly apiUrl: string;
  readonly apiTimeoutMs: number;
  readonly log: LogSettings;
  /** Sent as `Authorization: Bearer` on every api call when set. */
  readonly apiToken?: string;
  /** An http(s) URL with `{trace_id}` where event pages link a trace; unset: no outbound link. */
  readonly traceUrlTemplate?: string;
  /** The bearer token GET /metrics requires; unset: public without sign-in, refused with it. */
  readonly metricsToken?: string;
  /** Requests per minute per signed-in user (or client address); 0: no limit. */
  readonly rateLimitPerMinute: number;
  /** Fastify's trustProxy: which proxies' X-Forwarded-* headers to believe. */
  readonly trustProxy: boolean | string | ((address: string, hop: number) => boolean);
  readonly signIn: SignInConfig;
}

/** Thrown with every problem found in the environment, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid web configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

interface AjvProblem {
  instancePath: string;
  keyword: string;
  message?: string;
  params: { allowedValues?: readonly string[] };
}

/** Says what a valid value looks like, where ajv's wording ("must match pattern") would not. */
function describeProblem({ instancePath, keyword, message, params }: AjvProblem): string {
  const name = instancePath.replace(/^\//, '');
  if (keyword === 'enum') return `${name} must be one of ${params.allowedValues?.join(', ')}`;
  if (name === 'API_URL') return 'API_URL must be an http:// or https:// URL, e.g. http://127.0.0.1:4000';
  if (name === 'TRACE_URL_TEMPLATE') return 'TRACE_URL_TEMPLATE must be an http:// or https:// URL containing {trace_id}, e.g. http://jaeger:16686/trace/{trace_id}';
  if (name === 'WEB_SESSION_SECRET') return 'WEB_SESSION_SECRET must be at least 32 characters, e.g. from `openssl rand -base64 32`';
  return `${name} ${message ?? 'is invalid'}`;
}

/** Validates `env` (all of it at once) and returns the frozen settings. */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): WebConfig {
  let parsed: Static<typeof ConfigSchema>;
  try {
    // A copy, because env-schema strips unknown keys from the object it validates.
    parsed = envSchema<Static<typeof ConfigSchema>>({
      schema: structuredClone(ConfigSchema),
      data: { ...env },
      env: false,
    });
  } catch (error) {
    const problems = ((error as { errors?: AjvProblem[] }).errors ?? []).map(describeProblem);
    throw new ConfigError(problems.length > 0 ? problems : [(error as Error).message]);
  }
  const hosts = parseHostList(parsed.WEB_ALLOWED_HOSTS);
  const secrets = readSecrets(env);
  const problems = [...secrets.problems, ...hosts.problems.map((problem) => `WEB_ALLOWED_HOSTS: ${problem}`)];
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    host: parsed.WEB_HOST,
    port: parsed.WEB_PORT,
    allowedHosts: allowedHosts(hosts.names, parsed.WEB_HOST),
    apiUrl: parsed.API_URL.endsWith('/') ? parsed.API_URL : `${parsed.API_URL}/`,
    apiTimeoutMs: parsed.API_TIMEOUT_MS,
    log: { level: parsed.LOG_LEVEL, format: parsed.LOG_FORMAT },
    apiToken: secrets.apiToken,
    traceUrlTemplate: parsed.TRACE_URL_TEMPLATE || undefined,
    metricsToken: secrets.metricsToken,
    rateLimitPerMinute: parsed.WEB_RATE_LIMIT_PER_MINUTE,
    trustProxy: parseTrustProxy(parsed.WEB_TRUST_PROXY),
    signIn: Object.freeze({
      usersFile: parsed.WEB_USERS_FILE || undefined,
      allowAnonymous: parsed.WEB_ALLOW_ANONYMOUS,
      sessionSecret: secrets.sessionSecret,
      sessionIdleMs: parsed.WEB_SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: parsed.WEB_SESSION_MAX_HOURS * 3_600_000,
      cookieSecure: ({ auto: 'auto', true: 'always', false: 'never' } as const)[parsed.WEB_COOKIE_SECURE],
      maxFailuresPerUser: parsed.WEB_LOGIN_MAX_FAILURES,
      maxFailuresPerAddress: parsed.WEB_LOGIN_MAX_FAILURES_PER_ADDRESS,
      maxFailuresPerUserAllAddresses: parsed.WEB_LOGIN_MAX_FAILURES_PER_USER,
      lockoutMs: parsed.WEB_LOGIN_LOCKOUT_MINUTES * 60_000,
    }),
  });
}

/** The secrets, each from its variable or (better) from the file its `_FILE` variable names. */
function readSecrets(env: Readonly<Record<string, string | undefined>>) {
  const [apiToken, sessionSecret, metricsToken] = ['API_TOKEN', 'WEB_SESSION_SECRET', 'WEB_METRICS_TOKEN'].map((name) => readSecretSetting(env, name));
  const problems = [apiToken, sessionSecret, metricsToken].flatMap((setting) => (setting.problem ? [setting.problem] : []));
  if ((sessionSecret.value?.length ?? 32) < 32) problems.push('WEB_SESSION_SECRET_FILE must hold at least 32 characters, e.g. from `openssl rand -base64 32`');
  return { apiToken: apiToken.value, sessionSecret: sessionSecret.value, metricsToken: metricsToken.value, problems };
}

/** `true`/`false`, a number of hops, or proxy addresses (comma-separated IPs or CIDRs). */
function parseTrustProxy(value: string): WebConfig['trustProxy'] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (!/^\d+$/.test(value)) return value;
  // What fastify does with a number, which its types do not admit: trust the nearest N hops.
  const hops = Number(value);
  return (_address, hop) => hop < hops;
}
