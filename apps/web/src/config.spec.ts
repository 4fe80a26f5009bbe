import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      host: '127.0.0.1',
      port: 3000,
      apiUrl: 'http://127.0.0.1:4000/',
      apiTimeoutMs: 5000,
      logLevel: 'info',
    });
  });

  it('reads every variable and returns a frozen object', () => {
    const config = loadConfig({
      WEB_HOST: '0.0.0.0',
      WEB_PORT: '0',
      API_URL: 'https://logs.example.com/logline/',
      API_TIMEOUT_MS: '250',
      LOG_LEVEL: 'warn',
    });

    expect(config).toEqual({
      host: '0.0.0.0',
      port: 0,
      apiUrl: 'https://logs.example.com/logline/',
      apiTimeoutMs: 250,
      logLevel: 'warn',
    });
    expect(Object.isFrozen(config)).toBe(true);
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
});
