/**
 * One HTTP request, in the order ClickHouse's HTTPHandler takes it: health checks, then
 * authentication, the query's parts, response compression, the engine, the answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkCredentials, readCredentials } from './authenticate';
import { DEFAULT_FORMAT, type Engine, type EngineFacts } from './engine';
import { chooseResponseEncoding } from './http-compression';
import { outputFormatOf } from './output-format';
import { readQueryRequest } from './query-request';
import { readBodyText } from './request-body';
import { sendError, sendOk, sendResult, type AnswerContext } from './respond';

export interface FrontState {
  engine: Engine;
  facts: EngineFacts;
  users: ReadonlyMap<string, string>;
  maxBodyBytes: number;
}

/** ClickHouse's default for http_zlib_compression_level. */
const DEFAULT_COMPRESSION_LEVEL = 3;

export async function handleRequest(state: FrontState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://front');
  if (url.pathname === '/ping') return sendOk(response);
  if (request.method !== 'GET' && request.method !== 'POST') {
    response.writeHead(405, { Allow: 'GET, POST', 'Content-Type': 'text/plain; charset=UTF-8' }).end(`${request.method} is not a method of ClickHouse's HTTP interface\n`);
    return;
  }
  const context: AnswerContext = { facts: state.facts };
  try {
    const body = await readBodyText(request, state.maxBodyBytes);
    if (request.method === 'GET' && !url.searchParams.has('query') && body === '') return sendOk(response);
    checkCredentials(readCredentials(request.headers, url.searchParams), state.users);
    const query = readQueryRequest(request.method, url.searchParams, request.headers, body);
    context.queryId = query.queryId;
    context.encoding = chooseResponseEncoding(
      request.headers['accept-encoding'],
      isOn(query.settings.get('enable_http_compression')),
      Number(query.settings.get('http_zlib_compression_level') ?? DEFAULT_COMPRESSION_LEVEL),
    );
    const result = await state.engine.run(query);
    const format = outputFormatOf(query.text, query.defaultFormat ?? DEFAULT_FORMAT);
    await sendResult(response, result, { format, timezone: query.settings.get('session_timezone') || state.facts.timezone }, context);
  } catch (error) {
    await sendError(request, response, error, context);
  }
}

function isOn(value: string | undefined): boolean {
  return value === '1' || value?.toLowerCase() === 'true';
}
