// The one place the web app talks to the Logline api (HTTP, undici). Every answer is checked
// against the api's contract, so a response of the wrong shape is caught at the boundary.
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { request, type Agent, type Dispatcher } from 'undici';
import {
  AlertList,
  Audit,
  Facets,
  FieldStats,
  Freshness,
  Histogram,
  IngestErrors,
  LogContext,
  LogsPage as LogsPageAnswer,
  Patterns,
  MAX_STATS_SERIES,
  RateLimitTotals,
  SessionEnds,
  SignInStart,
  SignInWait,
  StatsResult,
  type RateLimitReport,
  type SessionEnd,
  type SignInAttemptRequest,
  type SignInSuccess,
} from '@logline/api-contract';
import { toSearchParams, type LogFilters } from '../filters/log-filters';
import { ApiRejectedError, ApiUnavailableError } from './api-errors';
import { BearerAgent } from './bearer-agent';
import { describeFailure, fetchJson, parseJson, rejectionMessage, unexpectedStatus } from './http-json';
import { createDashboardTilesClient, type DashboardTilesClient } from './dashboard-tiles-client';
import { createSavedSearchesClient, type SavedSearchesClient } from './saved-searches-client';
import type { LogsPage } from './logs-page';

export interface ApiClientOptions {
  /** Base URL of the api, ending in `/`. */
  readonly baseUrl: string;
  /** Deadline for one call, connect to last byte, in ms. */
  readonly timeoutMs: number;
  /** Sent as `Authorization: Bearer` on every call when set (a token with the read and web scopes). */
  readonly token?: string;
}

export interface ApiClient extends SavedSearchesClient, DashboardTilesClient {
  /** One page of logs matching `filters`; throws ApiRejectedError or ApiUnavailableError. */
  searchLogs(filters: LogFilters): Promise<LogsPage>;
  /** Counts per time bucket and level for `filters` (paging ignored). */
  getHistogram(filters: LogFilters): Promise<Histogram>;
  /** Top levels, sources and hosts for `filters`, `limit` values each. */
  getFacets(filters: LogFilters, limit: number): Promise<Facets>;
  /** The events of `filters` grouped by message pattern, busiest first, `limit` of them. */
  getPatterns(filters: LogFilters, limit: number): Promise<Patterns>;
  /** The stats command at the end of `filters.q` as a table and, for the chart, over time. */
  getStats(filters: LogFilters): Promise<StatsResult>;
  /** One field's top values and, for numbers, their summary over `filters`. */
  getFieldStats(filters: LogFilters, field: string): Promise<FieldStats>;
  /** The api's streamed export for `filters`; the caller pipes the body and must consume it. */
  openExport(filters: LogFilters, format: 'ndjson' | 'csv'): Promise<Dispatcher.ResponseData>;
  /**
   * The api's live tail (text/event-stream) for `filters`, resuming after `lastEventId`; the
   * caller reads the body until `signal` aborts it. Throws ApiRejectedError for filters the api
   * refuses (400).
   */
  openTail(filters: LogFilters, lastEventId: string, signal: AbortSignal): Promise<Dispatcher.ResponseData>;
  /** An event and `size` neighbours on each side; undefined when there is no such event. */
  getContext(id: string, size: number): Promise<LogContext | undefined>;
  /** The delivery audit per producer for events since `from` (ISO time or a duration). */
  getAudit(from: string): Promise<Audit>;
  /** Recent rejected input and counts by reason since `from`. */
  getIngestErrors(from: string): Promise<IngestErrors>;
  /** Ingest lag percentiles per source over the last `window` (a duration such as 5m). */
  getFreshness(window: string): Promise<Freshness>;
  /** The api's alert rules and their state. */
  getAlerts(): Promise<AlertList>;
  /** The web sessions signed out on any replica that have not expired yet. */
  listSessionEnds(): Promise<readonly SessionEnd[]>;
  /** Records a sign-out for every web replica; throws ApiUnavailableError when the api did not. */
  recordSessionEnd(end: SessionEnd): Promise<void>;
  /** Counts a sign-in attempt with every web replica's, before its password is checked. */
  beginSignIn(request: SignInAttemptRequest): Promise<SignInStart>;
  /** How long until this user may try again from this address; 0 when now. */
  signInRetryAfterMs(request: SignInAttemptRequest): Promise<number>;
  /** A counted attempt had the right password. */
  recordSignIn(success: SignInSuccess): Promise<void>;
  /** Adds this replica's rate-limit counts and answers the other web replicas' totals in the window. */
  exchangeRateLimitHits(report: RateLimitReport): Promise<RateLimitTotals>;
  close(): Promise<void>;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const agent = new BearerAgent(options.token, { connect: { timeout: options.timeoutMs }, keepAliveTimeout: 10_000 });
  return {
    async searchLogs(filters) {
      const url = new URL('api/v1/logs', options.baseUrl);
      url.search = toSearchParams(filters).toString();
      const started = performance.now();
      const readAtMs = Date.now();
      const { statusCode, body } = await fetchJson(agent, url, options.timeoutMs);
      if (statusCode === 400) throw new ApiRejectedError(rejectionMessage(body));
      if (statusCode !== 200) throw unexpectedStatus(url, statusCode);
      if (!Value.Check(LogsPageAnswer, body)) {
        throw new ApiUnavailableError('unexpected-response', `${url.pathname} answered JSON that is not a page of logs`);
      }
      return {
        rows: body.rows,
        nextCursor: body.next_cursor,
        prevCursor: body.prev_cursor,
        elapsedMs: Math.round(performance.now() - started),
        readAtMs,
      };
    },
    getHistogram: (filters) =>
      getChecked(agent, options, 'api/v1/histogram', filterParams(filters), Histogram),
    getFacets: (filters, limit) =>
      getChecked(agent, options, 'api/v1/facets', withParam(filterParams(filters), 'limit', String(limit)), Facets),
    getPatterns: (filters, limit) =>
      getChecked(agent, options, 'api/v1/patterns', withParam(filterParams(filters), 'limit', String(limit)), Patterns),
    getStats: (filters) => {
      const params = withParam(filterParams(filters), 'over_time', 'true');
      return getChecked(agent, options, 'api/v1/stats', withParam(params, 'limit', String(MAX_STATS_SERIES)), StatsResult);
    },
    getFieldStats: (filters, field) => getChecked(agent, options, 'api/v1/field-stats', withParam(filterParams(filters), 'field', field), FieldStats),
    ...createSavedSearchesClient(agent, options.baseUrl, options.timeoutMs),
    ...createDashboardTilesClient(agent, options.baseUrl, options.timeoutMs),
    openExport: async (filters, format) => {
      const url = new URL('api/v1/export', options.baseUrl);
      const params = new URLSearchParams(filterParams(filters));
      params.set('format', format);
      params.set('order', filters.order);
      url.search = params.toString();
      try {
        return await request(url, { dispatcher: agent, headersTimeout: options.timeoutMs, bodyTimeout: 0 });
      } catch (error) {
        throw new ApiUnavailableError('unreachable', describeFailure(error), { cause: error });
      }
    },
    openTail: async (filters, lastEventId, signal) => {
      const url = new URL('api/v1/tail', options.baseUrl);
      const params = filterParams(filters);
      params.delete('from');
      params.delete('to');
      url.search = params.toString();
      let response: Dispatcher.ResponseData;
      try {
        response = await request(url, {
          dispatcher: agent,
          signal,
          headers: { accept: 'text/event-stream', 'last-event-id': lastEventId },
          headersTimeout: options.timeoutMs,
          bodyTimeout: 0,
        });
      } catch (error) {
        throw new ApiUnavailableError('unreachable', describeFailure(error), { cause: error });
      }
      if (response.statusCode === 200) return response;
      const body = parseJson(await response.body.text());
      if (response.statusCode === 400) throw new ApiRejectedError(rejectionMessage(body));
      throw unexpectedStatus(url, response.statusCode);
    },
    getContext: async (id, size) => {
      const url = new URL(`api/v1/logs/${encodeURIComponent(id)}/context`, options.baseUrl);
      url.search = new URLSearchParams({ before: String(size), after: String(size) }).toString();
      const { statusCode, body } = await fetchJson(agent, url, options.timeoutMs);
      // 404: no such event; 400: not an id the api issued. Either way there is nothing to show.
      if (statusCode === 404 || statusCode === 400) return undefined;
      if (statusCode !== 200) throw unexpectedStatus(url, statusCode);
      if (!Value.Check(LogContext, body)) {
        throw new ApiUnavailableError('unexpected-response', `${url.pathname} answered JSON of an unexpected shape`);
      }
      return body;
    },
    getAudit: (from) => getChecked(agent, options, 'api/v1/audit', { from }, Audit),
    getIngestErrors: (from) => getChecked(agent, options, 'api/v1/ingest-errors', { from, limit: '100' }, IngestErrors),
    getFreshness: (window) => getChecked(agent, options, 'api/v1/freshness', { window }, Freshness),
    getAlerts: () => getChecked(agent, options, 'api/v1/alerts', {}, AlertList),
    listSessionEnds: async () => (await getChecked(agent, options, SESSION_ENDS_PATH, {}, SessionEnds)).sessions,
    recordSessionEnd: async (end) => {
      const url = new URL(SESSION_ENDS_PATH, options.baseUrl);
      const { statusCode } = await fetchJson(agent, url, options.timeoutMs, { method: 'POST', body: end });
      if (statusCode !== 204) throw unexpectedStatus(url, statusCode);
    },
    beginSignIn: (attempt) => postChecked(agent, options, 'api/v1/web/sign-in-attempts', attempt, SignInStart),
    signInRetryAfterMs: async (attempt) => (await postChecked(agent, options, 'api/v1/web/sign-in-attempts/wait', attempt, SignInWait)).retry_after_ms,
    recordSignIn: async (success) => {
      const url = new URL('api/v1/web/sign-ins', options.baseUrl);
      const { statusCode } = await fetchJson(agent, url, options.timeoutMs, { method: 'POST', body: success });
      if (statusCode !== 204) throw unexpectedStatus(url, statusCode);
    },
    exchangeRateLimitHits: (report) => postChecked(agent, options, 'api/v1/web/rate-limit-hits', report, RateLimitTotals),
    close: () => agent.close(),
  };
}

const SESSION_ENDS_PATH = 'api/v1/web/session-ends';

/** The filters without paging: what histogram, facets and export take. */
function filterParams(filters: LogFilters): URLSearchParams {
  const params = toSearchParams(filters, {});
  params.delete('limit');
  params.delete('order');
  params.delete('sort');
  return params;
}

function withParam(params: URLSearchParams, name: string, value: string): URLSearchParams {
  params.set(name, value);
  return params;
}

/** POSTs a JSON body to an api path and checks the answer against its schema. */
async function postChecked<S extends TSchema>(agent: Agent, options: ApiClientOptions, path: string, body: unknown, schema: S): Promise<Static<S>> {
  const url = new URL(path, options.baseUrl);
  const answer = await fetchJson(agent, url, options.timeoutMs, { method: 'POST', body });
  if (answer.statusCode !== 200) throw unexpectedStatus(url, answer.statusCode);
  if (!Value.Check(schema, answer.body)) {
    throw new ApiUnavailableError('unexpected-response', `${url.pathname} answered JSON of an unexpected shape`);
  }
  return answer.body as Static<S>;
}

/** GETs an api path and checks the answer against its schema. */
async function getChecked<S extends TSchema>(
  agent: Agent,
  options: ApiClientOptions,
  path: string,
  params: Record<string, string> | URLSearchParams,
  schema: S,
): Promise<Static<S>> {
  const url = new URL(path, options.baseUrl);
  url.search = new URLSearchParams(params).toString();
  const { statusCode, body } = await fetchJson(agent, url, options.timeoutMs);
  if (statusCode === 400) throw new ApiRejectedError(rejectionMessage(body));
  if (statusCode !== 200) throw unexpectedStatus(url, statusCode);
  if (!Value.Check(schema, body)) {
    throw new ApiUnavailableError('unexpected-response', `${url.pathname} answered JSON of an unexpected shape`);
  }
  return body as Static<S>;
}
