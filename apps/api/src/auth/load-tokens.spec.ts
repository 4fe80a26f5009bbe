import pino from 'pino';
import { loadConfig } from '../config';
import { loadTokens } from './load-tokens';

describe('secure defaults', () => {
  const log = pino({ level: 'silent' });

  it('runs without authentication on loopback', () => {
    expect(loadTokens(loadConfig({ API_HOST: '127.0.0.1' }), log).enabled).toBe(false);
  });

  it('refuses to listen on another address without authentication', () => {
    expect(() => loadTokens(loadConfig({ API_HOST: '0.0.0.0' }), log)).toThrow(/refusing to listen on 0.0.0.0 without authentication/);
  });

  it('allows it when explicitly overridden', () => {
    expect(loadTokens(loadConfig({ API_HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED_BIND: 'true' }), log).enabled).toBe(false);
  });
});
