// The web process's settings, read from the environment once at start and frozen.
import envSchema from 'env-schema';
import { Type, type Static } from 'typebox';

const LOG_LEVEL_NAMES = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const ConfigSchema = Type.Object({
  /** Interface the web server binds to. Default 127.0.0.1 (this machine only). */
  WEB_HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  /** Port the web server listens on; 0 picks a free one. Default 3000. */
  WEB_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  /** Base URL of the Logline api. Default http://127.0.0.1:4000. */
  API_URL: Type.String({ pattern: '^https?://[^\\s/]+', default: 'http://127.0.0.1:4000' }),
  /** How long one call to the api may take, connect to last byte, in ms. Default 5000. */
  API_TIMEOUT_MS: Type.Integer({ minimum: 1, maximum: 600_000, default: 5000 }),
  /** Level of the web server's own log (pino names). Default info. */
  LOG_LEVEL: Type.Enum(LOG_LEVEL_NAMES, { default: 'info' }),
});

export interface WebConfig {
  readonly host: string;
  readonly port: number;
  /** Always ends in `/`, so api paths resolve beneath any path prefix it carries. */
  readonly apiUrl: string;
  readonly apiTimeoutMs: number;
  readonly logLevel: (typeof LOG_LEVEL_NAMES)[number];
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
  return Object.freeze({
    host: parsed.WEB_HOST,
    port: parsed.WEB_PORT,
    apiUrl: parsed.API_URL.endsWith('/') ? parsed.API_URL : `${parsed.API_URL}/`,
    apiTimeoutMs: parsed.API_TIMEOUT_MS,
    logLevel: parsed.LOG_LEVEL,
  });
}
