import type { Logger } from 'pino';
import { isLoopbackHost } from '@logline/security';
import type { ApiConfig } from '../config';
import { loadTokenFile, TokenStore } from './token-store';

/**
 * The configured tokens. Secure default: with none, authentication is off, so the api refuses
 * to listen beyond loopback unless ALLOW_UNAUTHENTICATED_BIND says that is intended.
 */
export function loadTokens(config: ApiConfig, log: Logger): TokenStore {
  const tokens = new TokenStore(config.auth.tokensFile ? loadTokenFile(config.auth.tokensFile) : []);
  if (tokens.enabled) return tokens;
  if (!isLoopbackHost(config.host)) {
    if (!config.auth.allowUnauthenticatedBind) {
      throw new Error(
        `refusing to listen on ${config.host} without authentication: set API_TOKENS_FILE ` +
          '(see `main.js token`), or ALLOW_UNAUTHENTICATED_BIND=true if the network is protected otherwise',
      );
    }
    log.warn('authentication is OFF and the api listens on %s (ALLOW_UNAUTHENTICATED_BIND=true)', config.host);
  } else {
    log.info('authentication is off (no API_TOKENS_FILE): listening on loopback only');
  }
  return tokens;
}
