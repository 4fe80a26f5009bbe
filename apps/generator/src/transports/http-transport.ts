/**
 * NDJSON POSTs over a keep-alive undici Pool with a few batches in flight, each retried with
 * backoff (or after the Retry-After the target asks for) until it is acknowledged, refused,
 * or its retry deadline passes.
 */
import { Pool } from 'undici';
import { type Batch, batchBody, describeBatch } from '../batch';
import { pause } from '../pause';
import { type HttpVerdict, classifyStatus, retryDelayMs } from '../retry';
import { InFlightLimit } from './in-flight-limit';
import { type BatchOutcome, type Transport, type TransportContext, unacknowledged } from './transport';

/** The api answers only once rows are stored; a request silent this long is retried. */
const REQUEST_TIMEOUT_MS = 60_000;

export interface HttpTransportOptions extends TransportContext {
  /** `http(s)://host:port` of the target. */
  origin: string;
  /** Path and query of the ingest URL. */
  path: string;
  /** Batches in flight at once, each on its own keep-alive connection. */
  concurrency: number;
}

interface Connected extends HttpTransportOptions {
  pool: Pool;
}

interface Answer {
  verdict: HttpVerdict;
  body: string;
  /** The status or network error, for messages. */
  problem: string;
}

export function createHttpTransport(options: HttpTransportOptions): Transport {
  const limit = new InFlightLimit(options.concurrency);
  const pool = new Pool(options.origin, {
    connections: options.concurrency,
    keepAliveTimeout: 30_000,
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
  });
  const connected: Connected = { ...options, pool };
  return {
    send: async (batch) => {
      if (!(await limit.acquire(options.abandon))) return { settled: Promise.resolve(unacknowledged(batch)) };
      return { settled: deliver(batch, connected).finally(() => limit.release()) };
    },
    close: async () => {
      await limit.idle();
      await pool.close();
    },
  };
}

async function deliver(batch: Batch, options: Connected): Promise<BatchOutcome> {
  const deadline = Date.now() + options.retryDeadlineMs;
  const body = batchBody(batch);
  for (let attempt = 0; ; attempt += 1) {
    const answer = await post(body, options);
    if (answer.verdict.kind === 'stored') return readReceipt(batch, answer.body, options.warn);
    if (answer.verdict.kind === 'refused') {
      options.warn(`target refused ${describeBatch(batch)}: ${answer.problem} ${answer.body.slice(0, 200)}`);
      return { acked: 0, failed: batch.lines.length, final: true };
    }
    if (options.abandon.aborted) return unacknowledged(batch);
    // A backoff step is cut short to try once more at the deadline; a Retry-After beyond the
    // deadline says the target will not take the batch in time.
    const remaining = deadline - Date.now();
    const retryAfter = answer.verdict.retryAfterMs;
    const delay = Math.min(retryDelayMs(attempt, retryAfter), remaining);
    if (remaining <= 0 || (retryAfter !== undefined && retryAfter > remaining)) {
      options.warn(`gave up on ${describeBatch(batch)} at the retry deadline; last answer: ${answer.problem}`);
      return unacknowledged(batch);
    }
    options.warn(`retrying ${describeBatch(batch)} in ${delay} ms: ${answer.problem}`);
    options.onRetry?.();
    if (!(await pause(delay, options.abandon))) return unacknowledged(batch);
  }
}

async function post(body: string, options: Connected): Promise<Answer> {
  try {
    const response = await options.pool.request({
      path: options.path,
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      body,
      signal: options.abandon,
    });
    const text = await response.body.text();
    const retryAfter = response.headers['retry-after'];
    return {
      verdict: classifyStatus(response.statusCode, Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, Date.now()),
      body: text,
      problem: `HTTP ${response.statusCode}`,
    };
  } catch (error) {
    return { verdict: { kind: 'retry' }, body: '', problem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The api answers `{"accepted": N, "rejected": M, "errors": [...]}`: rejected lines failed for
 * good. Any other 2xx body still means the whole batch was stored.
 */
function readReceipt(batch: Batch, body: string, warn: (message: string) => void): BatchOutcome {
  const size = batch.lines.length;
  let receipt: { rejected?: unknown; errors?: unknown } = {};
  try {
    receipt = JSON.parse(body) ?? {};
  } catch {
    return { acked: size, failed: 0, final: true };
  }
  const rejected = typeof receipt.rejected === 'number' ? Math.min(Math.max(0, receipt.rejected), size) : 0;
  if (rejected > 0) {
    const first = Array.isArray(receipt.errors) ? JSON.stringify(receipt.errors[0]) : '';
    warn(`target rejected ${rejected} of ${describeBatch(batch)}; first: ${first}`);
  }
  return { acked: size - rejected, failed: rejected, final: true };
}
