import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

const SIGN_IN_DEFAULTS = {
  usersFile: undefined,
  allowAnonymous: false,
  sessionSecret: undefined,
  sessionIdleMs: 3_600_000,
  sessionMaxMs: 43_200_000,
  cookieSecure: 'auto',
  maxFailuresPerUser: 5,
  maxFailuresPerAddress: 20,
  maxFailuresPerUserAllAddresses: 50,
  lockoutMs: 900_000,
};

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 3000,
      allowedHosts: { any: false, configured: new Set(['127.0.0.1']) },
      apiUrl: 'http://127.0.0.1:4000/',
      apiTimeoutMs: 5000,
      log: { level: 'info', format: 'json' },
      apiToken: undefined,
      traceUrlTemplate: undefined,
      metricsToken: undefined,
      rateLimitPerMinute: 600,
      trustProxy: false,
      signIn: SIGN_IN_DEFAULTS,
    });
  });

  it('reads every variable and returns a frozen object', () => {
    const config = loadConfig({
      WEB_HOST: '0.0.0.0',
      WEB_PORT: '0',
      WEB_ALLOWED_HOSTS: 'logs.example.com',
      API_URL: 'https://logs.example.com/logline/',
      API_TIMEOUT_MS: '250',
      LOG_LEVEL: 'warn',
      API_TOKEN: 'll_token',
      TRACE_URL_TEMPLATE: 'http://jaeger:16686/trace/{trace_id}',
      WEB_TRUST_PROXY: '10.0.0.0/8,127.0.0.1',
      WEB_USERS_FILE: '/etc/logline/users.yaml',
      WEB_ALLOW_ANONYMOUS: 'true',
      WEB_SESSION_SECRET: 's'.repeat(32),
      WEB_SESSION_IDLE_MINUTES: '15',
      WEB_SESSION_MAX_HOURS: '8',
      WEB_COOKIE_SECURE: 'true',
      WEB_LOGIN_MAX_FAILURES: '3',
      WEB_LOGIN_MAX_FAILURES_PER_ADDRESS: '50',
      WEB_LOGIN_MAX_FAILURES_PER_USER: '200',
      WEB_LOGIN_LOCKOUT_MINUTES: '30',
      WEB_METRICS_TOKEN: 'scraper',
      WEB_RATE_LIMIT_PER_MINUTE: '0',
    });

    expect(config).toEqual({
      host: '0.0.0.0',
      port: 0,
      allowedHosts: { any: false, configured: new Set(['logs.example.com']) },
      apiUrl: 'https://logs.example.com/logline/',
      apiTimeoutMs: 250,
      log: { level: 'warn', format: 'json' },
      apiToken: 'll_token',
      traceUrlTemplate: 'http://jaeger:16686/trace/{trace_id}',
      metricsToken: 'scraper',
      rateLimitPerMinute: 0,
      trustProxy: '10.0.0.0/8,127.0.0.1',
      signIn: {
        usersFile: '/etc/logline/users.yaml',
        allowAnonymous: true,
        sessionSecret: 's'.repeat(32),
        sessionIdleMs: 900_000,
        sessionMaxMs: 28_800_000,
        cookieSecure: 'always',
        maxFailuresPerUser: 3,
        maxFailuresPerAddress: 50,
        maxFailuresPerUserAllAddresses: 200,
        lockoutMs: 1_800_000,
      },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.signIn)).toBe(true);
  });

  it('reports every problem at once', () => {
    const attempt = () => loadConfig({ WEB_PORT: '70000', API_URL: 'localhost:4000', LOG_LEVEL: 'loud' });

    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/WEB_PORT/);
      expect(problems).toMatch(/API_URL/);
      expect(problems).toMatch(/LOG_LEVEL/);
    }
  });

  it('reads WEB_TRUST_PROXY as on, off, a hop count or addresses', () => {
    expect(loadConfig({ WEB_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    const oneHop = loadConfig({ WEB_TRUST_PROXY: '1' }).trustProxy as (address: string, hop: number) => boolean;
    expect([oneHop('10.0.0.1', 0), oneHop('10.0.0.1', 1)]).toEqual([true, false]);
  });

  it('refuses a trace URL template that is not an http(s) URL with {trace_id}', () => {
    expect(() => loadConfig({ TRACE_URL_TEMPLATE: 'http://jaeger:16686/trace/' })).toThrow(/TRACE_URL_TEMPLATE must be an http/);
    expect(() => loadConfig({ TRACE_URL_TEMPLATE: 'javascript:alert({trace_id})' })).toThrow(/TRACE_URL_TEMPLATE/);
  });

  it('refuses a short session secret without repeating it', () => {
    expect(() => loadConfig({ WEB_SESSION_SECRET: 'hunter2' })).toThrow(/WEB_SESSION_SECRET must be at least 32 characters/);
    expect(() => loadConfig({ WEB_SESSION_SECRET: 'hunter2' })).not.toThrow(/hunter2/);
  });

  describe('secrets in files', () => {
    const folder = mkdtempSync(join(tmpdir(), 'logline-web-secrets-'));
    const file = (name: string, text: string) => {
      writeFileSync(join(folder, name), text);
      return join(folder, name);
    };

    it('reads the api token, session secret and metrics token from their _FILE variables', () => {
      const config = loadConfig({
        API_TOKEN_FILE: file('api-token', 'll_from_file\n'),
        WEB_SESSION_SECRET_FILE: file('session-secret', `${'s'.repeat(40)}\n`),
        WEB_METRICS_TOKEN_FILE: file('metrics-token', 'scraper\n'),
      });

      expect([config.apiToken, config.signIn.sessionSecret, config.metricsToken]).toEqual(['ll_from_file', 's'.repeat(40), 'scraper']);
    });

    it('refuses a secret given twice, an empty file and a short session secret, all at once', () => {
      const attempt = () =>
        loadConfig({
          API_TOKEN: 'a',
          API_TOKEN_FILE: file('twice', 'b'),
          WEB_METRICS_TOKEN_FILE: file('empty', '\n'),
          WEB_SESSION_SECRET_FILE: file('short', 'too short'),
        });

      expect(attempt).toThrow(ConfigError);
      try {
        attempt();
      } catch (error) {
        expect((error as ConfigError).problems).toEqual([
          'API_TOKEN and API_TOKEN_FILE are both set: use one (the file)',
          expect.stringMatching(/^WEB_METRICS_TOKEN_FILE: .*empty is empty$/),
          'WEB_SESSION_SECRET_FILE must hold at least 32 characters, e.g. from `openssl rand -base64 32`',
        ]);
      }
    });
  });
});
