// One JSON exchange with the api over the shared agent, and how its failures read.
import { request, type Agent } from 'undici';
import { Value } from 'typebox/value';
import { ErrorBody } from '@logline/api-contract';
import { ApiUnavailableError } from './api-errors';

export interface JsonAnswer {
  readonly statusCode: number;
  readonly body: unknown;
}

/** GET (or, with `send`, another method with a JSON body) `url`; the answer parsed, undefined if not JSON. */
export async function fetchJson(agent: Agent, url: URL, timeoutMs: number, send?: { method: 'POST' | 'PATCH' | 'DELETE'; body?: unknown }): Promise<JsonAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (send?.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const response = await request(url, {
      dispatcher: agent,
      signal,
      method: send?.method ?? 'GET',
      headers,
      body: send?.body === undefined ? undefined : JSON.stringify(send.body),
    });
    const text = await response.body.text();
    return { statusCode: response.statusCode, body: parseJson(text) };
  } catch (error) {
    if (signal.aborted) {
      throw new ApiUnavailableError('timeout', `no complete answer within ${timeoutMs} ms`, { cause: error });
    }
    throw new ApiUnavailableError('unreachable', describeFailure(error), { cause: error });
  }
}

/** A refused dual-stack connect arrives as an AggregateError without a message: use its code. */
export function describeFailure(error: unknown): string {
  const { message, code } = error as { message?: string; code?: string };
  return message || code || String(error);
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function rejectionMessage(body: unknown): string {
  return Value.Check(ErrorBody, body) ? body.message : 'The api rejected these filters.';
}

export function unexpectedStatus(url: URL, statusCode: number): ApiUnavailableError {
  if (statusCode === 401 || statusCode === 403) {
    return new ApiUnavailableError('unauthorized', `${url.pathname} answered HTTP ${statusCode}`);
  }
  return statusCode >= 500
    ? new ApiUnavailableError('server-error', `${url.pathname} answered HTTP ${statusCode}`)
    : new ApiUnavailableError('unexpected-response', `${url.pathname} answered HTTP ${statusCode}`);
}
