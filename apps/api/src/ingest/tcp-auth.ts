import { allows, type TokenStore } from '../auth/token-store';

/** Checks a TCP connection's first line, `{"token":"..."}`; returns the refusal reason or undefined. */
export type TcpAuthenticator = (firstLine: Buffer) => string | undefined;

export function tcpAuthenticator(tokens: TokenStore): TcpAuthenticator {
  return (firstLine) => {
    let token: unknown;
    try {
      token = (JSON.parse(firstLine.toString('utf8')) as { token?: unknown }).token;
    } catch {
      token = undefined;
    }
    if (typeof token !== 'string') return 'authentication required: send {"token":"<ingest token>"} as the first line';
    const principal = tokens.authenticate(token);
    if (!principal) return 'unknown or revoked token';
    return allows(principal, 'ingest') ? undefined : `token '${principal.name}' lacks the 'ingest' scope`;
  };
}
