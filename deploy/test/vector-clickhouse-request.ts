/**
 * The HTTP request Vector 0.57's `clickhouse` sink sends for one batch, built from a sink's options
 * the way its source builds it (src/sinks/clickhouse/service.rs, set_uri_query, and config.rs's
 * healthcheck): the settings as URL parameters, then the statement with its table as Identifier
 * query parameters, the events as newline-delimited JSON, compressed, with Basic credentials.
 */
import { gzipSync } from 'node:zlib';

export interface ClickHouseSinkOptions {
  endpoint: string;
  database: string;
  table: string;
  format?: 'json_each_row' | 'json_as_object' | 'json_as_string';
  skip_unknown_fields?: boolean;
  date_time_best_effort?: boolean;
  insert_random_shard?: boolean;
  compression?: 'gzip' | 'none';
  auth?: { strategy: 'basic'; user: string };
}

const FORMAT_NAMES = { json_each_row: 'JSONEachRow', json_as_object: 'JSONAsObject', json_as_string: 'JSONAsString' } as const;

export function vectorInsertRequest(sink: ClickHouseSinkOptions, password: string, events: readonly object[]): { url: string; init: RequestInit } {
  let url = `${sink.endpoint.replace(/\/?$/, '/')}?input_format_import_nested_json=1&`;
  if (sink.skip_unknown_fields !== undefined) url += `input_format_skip_unknown_fields=${sink.skip_unknown_fields ? 1 : 0}&`;
  if (sink.date_time_best_effort) url += 'date_time_input_format=best_effort&';
  if (sink.insert_random_shard) url += 'insert_distributed_one_random_shard=1&';
  url += new URLSearchParams({
    query: `INSERT INTO {database:Identifier}.{table:Identifier} FORMAT ${FORMAT_NAMES[sink.format ?? 'json_each_row']}`,
    param_database: sink.database,
    param_table: sink.table,
  }).toString();
  const ndjson = Buffer.from(events.map((event) => `${JSON.stringify(event)}\n`).join(''));
  const gzip = (sink.compression ?? 'gzip') === 'gzip';
  const body = gzip ? gzipSync(ndjson) : ndjson;
  const headers: Record<string, string> = { 'content-type': 'application/x-ndjson', 'content-length': String(body.length) };
  if (gzip) headers['content-encoding'] = 'gzip';
  if (sink.auth) headers['authorization'] = basicAuth(sink.auth.user, password);
  return { url, init: { method: 'POST', headers, body } };
}

/** The sink's healthcheck: `GET <endpoint>/?query=SELECT%201`, 200 meaning healthy. */
export function vectorHealthcheck(sink: ClickHouseSinkOptions, password: string): { url: string; init: RequestInit } {
  const headers: Record<string, string> = sink.auth ? { authorization: basicAuth(sink.auth.user, password) } : {};
  return { url: `${sink.endpoint.replace(/\/?$/, '/')}?query=SELECT%201`, init: { headers } };
}

function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
