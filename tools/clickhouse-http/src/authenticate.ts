/**
 * Who is asking, read the three ways ClickHouse's HTTP interface accepts (X-ClickHouse-User and
 * X-ClickHouse-Key headers, HTTP Basic, `user`/`password` URL parameters; never mixed), and checked
 * against the front's users. There are no grants: an authenticated user may run anything.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { clickHouseError } from './clickhouse-error';

export interface Credentials {
  user: string;
  password: string;
}

export function readCredentials(headers: IncomingHttpHeaders, params: URLSearchParams): Credentials {
  const headerUser = single(headers['x-clickhouse-user']);
  const headerKey = single(headers['x-clickhouse-key']);
  const authorization = headers.authorization;
  const inParams = params.has('user') || params.has('password');
  if (headerUser !== undefined || headerKey !== undefined) {
    if (authorization !== undefined || inParams) {
      throw clickHouseError(
        'AUTHENTICATION_FAILED',
        'Invalid authentication: it is not allowed to use X-ClickHouse HTTP headers and other authentication methods simultaneously',
      );
    }
    return { user: headerUser || 'default', password: headerKey ?? '' };
  }
  if (authorization !== undefined) {
    if (inParams) {
      throw clickHouseError('AUTHENTICATION_FAILED', 'Invalid authentication: it is not allowed to use Authorization HTTP header and authentication via parameters simultaneously');
    }
    return basicCredentials(authorization);
  }
  return { user: params.get('user') ?? 'default', password: params.get('password') ?? '' };
}

function basicCredentials(authorization: string): Credentials {
  const [scheme, encoded = ''] = authorization.split(/\s+/, 2);
  if (scheme.toLowerCase() !== 'basic') {
    throw clickHouseError('AUTHENTICATION_FAILED', `Invalid authentication: '${scheme}' HTTP Authorization scheme is not supported`);
  }
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon === -1 ? { user: decoded, password: '' } : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Passes when the user exists with this password; otherwise ClickHouse's answer to a failed login. */
export function checkCredentials(credentials: Credentials, users: ReadonlyMap<string, string>): void {
  if (users.get(credentials.user) !== credentials.password) {
    throw clickHouseError('AUTHENTICATION_FAILED', `${credentials.user}: Authentication failed: password is incorrect, or there is no user with such name`);
  }
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
