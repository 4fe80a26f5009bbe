/**
 * Writes answers with the server's headers. The engine returns a statement's whole output at once,
 * so every answer is sent complete, as the server does with `wait_end_of_query=1`: an error always
 * comes with its own status code, never in the middle of a 200 body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import { httpStatusOf, toWireError } from './clickhouse-error';
import type { EngineFacts, EngineResult } from './engine';
import type { ResponseEncoding } from './http-compression';
import { contentTypeOf } from './output-format';

const DISPLAY_NAME = hostname();

export interface AnswerContext {
  facts: EngineFacts;
  queryId?: string;
  encoding?: ResponseEncoding;
}

export interface ResultMeta {
  format: string | undefined;
  timezone: string;
}

export async function sendResult(response: ServerResponse, result: EngineResult, meta: ResultMeta, context: AnswerContext): Promise<void> {
  const summary = {
    result_rows: String(result.resultRows),
    result_bytes: String(result.resultBytes),
    elapsed_ns: String(Math.round(result.elapsedSeconds * 1e9)),
  };
  response.setHeader('Content-Type', contentTypeOf(meta.format));
  if (meta.format !== undefined) response.setHeader('X-ClickHouse-Format', meta.format);
  response.setHeader('X-ClickHouse-Timezone', meta.timezone);
  response.setHeader('X-ClickHouse-Summary', JSON.stringify(summary));
  await send(response, 200, Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength), context);
}

export async function sendError(request: IncomingMessage, response: ServerResponse, error: unknown, context: AnswerContext): Promise<void> {
  const wire = toWireError(error, context.facts.version);
  response.setHeader('Content-Type', 'text/plain; charset=UTF-8');
  response.setHeader('X-ClickHouse-Exception-Code', String(wire.code));
  // A body not read to its end (refused early) would be taken for the next request on this connection.
  if (!request.complete) response.setHeader('Connection', 'close');
  await send(response, httpStatusOf(wire.type), Buffer.from(wire.body), context);
}

/** The plain-text answers of /ping and of GET / without a query. */
export function sendOk(response: ServerResponse): void {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=UTF-8', 'X-ClickHouse-Server-Display-Name': DISPLAY_NAME }).end('Ok.\n');
}

async function send(response: ServerResponse, status: number, body: Buffer, context: AnswerContext): Promise<void> {
  response.setHeader('X-ClickHouse-Server-Display-Name', DISPLAY_NAME);
  if (context.queryId !== undefined) response.setHeader('X-ClickHouse-Query-Id', context.queryId);
  if (context.encoding) response.setHeader('Content-Encoding', context.encoding.method);
  const payload = context.encoding ? await context.encoding.encode(body) : body;
  response.writeHead(status, { 'Content-Length': payload.length }).end(payload);
}
