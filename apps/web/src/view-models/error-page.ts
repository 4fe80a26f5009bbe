// What a person sees when a page cannot be shown: the cause in plain words and what to do.
import { ApiRejectedError, ApiUnavailableError, type UnavailableReason } from '../api-client/api-errors';
import { AccessError } from '../auth/access-errors';
import { InvalidFilterError } from '../filters/invalid-filter-error';
import { TooManyRequestsError } from '../limits/too-many-requests-error';
import type { ApiStatus } from './logs-page';

/** A suggestion, with the command to type when there is one. */
export interface Hint {
  readonly text: string;
  readonly command?: string;
}

export interface ErrorView {
  readonly statusCode: number;
  readonly title: string;
  readonly message: string;
  readonly hints: readonly Hint[];
  readonly apiStatus?: ApiStatus;
}

/** A request error as fastify reports it: a status, and ajv's findings for invalid input. */
export interface RequestError {
  readonly statusCode?: number;
  readonly validation?: readonly { instancePath: string; message?: string }[];
}

const QUERY_RULES: Readonly<Record<string, string>> = {
  from: 'from must be a duration such as 15m, 1h, 24h or 7d, or an ISO 8601 time such as 2026-11-28T17:00:00Z.',
  to: 'to must be now, a duration such as 15m or 1h, or an ISO 8601 time such as 2026-11-28T17:00:00Z.',
  limit: 'limit must be a whole number from 1 to 10000.',
  order: 'order must be desc or asc.',
};

export function describeError(error: unknown, apiUrl: string): ErrorView {
  if (error instanceof ApiUnavailableError) return describeUnavailable(error.reason, error.detail, apiUrl);
  if (error instanceof ApiRejectedError) {
    return { statusCode: 400, title: 'The api rejected these filters', message: error.message, hints: [] };
  }
  if (error instanceof AccessError) return { statusCode: error.statusCode, title: error.title, message: error.message, hints: [] };
  if (error instanceof TooManyRequestsError) return { statusCode: 429, title: 'Too many requests', message: error.message, hints: [] };
  if (error instanceof InvalidFilterError) {
    return { statusCode: 400, title: 'These filters are not valid', message: error.message, hints: [] };
  }
  const { statusCode, validation } = (error ?? {}) as RequestError;
  if (validation !== undefined && validation.length > 0) {
    return { statusCode: 400, title: 'These filters are not valid', message: describeInvalidQuery(validation), hints: [] };
  }
  if (statusCode === 404) return notFound();
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    return { statusCode, title: 'This request cannot be served', message: `HTTP ${statusCode}.`, hints: [] };
  }
  return {
    statusCode: 500,
    title: 'Something went wrong',
    message: 'The web server failed to show this page. The details are in its log.',
    hints: [],
  };
}

export function notFound(): ErrorView {
  return { statusCode: 404, title: 'Page not found', message: 'There is nothing at this address.', hints: [] };
}

/** One sentence per invalid parameter, in words a person can act on. */
function describeInvalidQuery(validation: NonNullable<RequestError['validation']>): string {
  const sentences = validation.map(({ instancePath, message }) => {
    const field = instancePath.split('/')[1] ?? '';
    return QUERY_RULES[field] ?? `${field || 'query'} ${message ?? 'is invalid'}.`;
  });
  return [...new Set(sentences)].join(' ');
}

function describeUnavailable(reason: UnavailableReason, detail: string, apiUrl: string): ErrorView {
  const apiStatus: ApiStatus = { tone: 'down', text: 'API unavailable' };
  const elsewhere = { text: 'If the api runs elsewhere, start the web server with API_URL set to its address.' };
  switch (reason) {
    case 'unreachable':
      return {
        statusCode: 502,
        title: 'The api is not answering',
        message: `Nothing answers at ${apiUrl} (${detail}).`,
        hints: [
          { text: 'Start the api from the repository:', command: 'npx nx serve api' },
          { text: 'Or start a built api:', command: 'node dist/apps/api/main.js' },
          { text: 'Or run the whole pipeline (api, web and a generator):', command: 'npm start' },
          elsewhere,
        ],
        apiStatus,
      };
    case 'timeout':
      return {
        statusCode: 502,
        title: 'The api did not answer in time',
        message: `The api at ${apiUrl} gave ${detail}.`,
        hints: [
          { text: 'It may be overloaded or stuck: check its log.' },
          { text: 'For slow searches, raise the limit:', command: 'API_TIMEOUT_MS=15000' },
        ],
        apiStatus,
      };
    case 'server-error':
      return {
        statusCode: 502,
        title: 'The api is failing',
        message: `The api at ${apiUrl} is running but failed: ${detail}.`,
        hints: [{ text: "Check the api's log and its storage health:", command: `curl ${apiUrl}api/v1/health` }],
        apiStatus,
      };
    case 'unauthorized':
      return {
        statusCode: 502,
        title: 'The api refused the web server',
        message: `The api at ${apiUrl} requires a token with the read and web scopes, and the web server has none or a wrong one (${detail}).`,
        hints: [
          { text: 'Create one where the api runs, add its entry to API_TOKENS_FILE:', command: 'node dist/apps/api/main.js token web read,web' },
          { text: 'Then start the web server with it:', command: 'API_TOKEN=<token>' },
        ],
        apiStatus,
      };
    case 'unexpected-response':
      return {
        statusCode: 502,
        title: 'Something other than the Logline api answers',
        message: `${apiUrl}: ${detail}.`,
        hints: [elsewhere],
        apiStatus,
      };
  }
}
