/**
 * What a request asks the server to run, read as ClickHouse's HTTPHandler reads it: the statement
 * is the `query` URL parameter, a line feed and the body; `param_<name>` are query parameters;
 * `database` and `default_format` (or the X-ClickHouse-Database / X-ClickHouse-Format headers) set
 * the context; a few names are the handler's own; every other URL parameter is a setting.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { clickHouseError } from './clickhouse-error';

export interface QueryRequest {
  /** GET requests run read-only (`readonly = 2`), as on the server. */
  readonly readOnly: boolean;
  readonly text: string;
  /** `param_<name>` values, still in ClickHouse's escaped text form. */
  readonly queryParameters: ReadonlyMap<string, string>;
  readonly settings: ReadonlyMap<string, string>;
  readonly database?: string;
  readonly defaultFormat?: string;
  readonly queryId: string;
}

/** The handler's own parameters: never settings (ClickHouse's reserved_param_names, plus role). */
const HANDLER_PARAMETERS = new Set([
  'query', 'database', 'default_format', 'compress', 'decompress', 'user', 'password', 'quota_key', 'query_id', 'stacktrace',
  'buffer_size', 'wait_end_of_query', 'session_id', 'session_timeout', 'session_check', 'client_protocol_version', 'close_session', 'role',
]);

/** ClickHouse's http_max_uri_size: the longest URL a server takes, param_* values included. */
export const MAX_URL_BYTES = 1024 * 1024;
const QUERY_PARAMETER_PREFIX = 'param_';

export function readQueryRequest(method: string, params: URLSearchParams, headers: IncomingHttpHeaders, body: string): QueryRequest {
  refuseUnsupported(params, headers);
  const queryParameters = new Map<string, string>();
  const settings = new Map<string, string>();
  for (const [name, value] of params) {
    if (name.startsWith(QUERY_PARAMETER_PREFIX)) {
      // The first value wins, as in the server.
      const parameter = name.slice(QUERY_PARAMETER_PREFIX.length);
      if (!queryParameters.has(parameter)) queryParameters.set(parameter, value);
    } else if (name !== '' && !HANDLER_PARAMETERS.has(name)) {
      settings.set(name, value);
    }
  }
  const query = params.get('query') ?? '';
  return {
    readOnly: method === 'GET',
    text: query === '' ? body : `${query}\n${body}`,
    queryParameters,
    settings,
    database: header(headers, 'x-clickhouse-database') || params.get('database') || undefined,
    defaultFormat: header(headers, 'x-clickhouse-format') || params.get('default_format') || undefined,
    queryId: params.get('query_id') || header(headers, 'x-clickhouse-query-id') || randomUUID(),
  };
}

/** What the real server does that this front does not: said plainly instead of half-done. */
function refuseUnsupported(params: URLSearchParams, headers: IncomingHttpHeaders): void {
  const refuse = (what: string) => {
    throw clickHouseError('NOT_IMPLEMENTED', `${what} is not supported by Logline's ClickHouse HTTP test front`);
  };
  if (params.get('session_id')) refuse('An HTTP session (session_id)');
  if (params.has('role')) refuse('Setting a role (role)');
  if (isOn(params.get('compress')) || isOn(params.get('decompress'))) refuse("ClickHouse's native compression (compress, decompress)");
  if (header(headers, 'content-type')?.startsWith('multipart/form-data')) refuse('A multipart/form-data request (external data, multipart query parameters)');
}

function isOn(value: string | null): boolean {
  return value !== null && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
