/** Failures of the storage layer that callers turn into specific answers. */
import { types } from 'node:util';

/** The storage cannot be reached or opened (maps to 503). */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The ingest buffer is full; the caller should retry after a pause (maps to 503 + Retry-After). */
export class BufferFullError extends Error {
  override readonly name = 'BufferFullError';
  constructor(
    readonly pendingRows: number,
    readonly retryAfterSeconds: number,
  ) {
    super(`ingest buffer is full (${pendingRows} rows waiting for storage); retry in ${retryAfterSeconds} s`);
  }
}

/** The inserter was closed; no more rows are taken. */
export class InserterClosedError extends Error {
  override readonly name = 'InserterClosedError';
  constructor() {
    super('the ingest pipeline is shutting down');
  }
}

/** Socket errors of @clickhouse/client when a ClickHouse server cannot be reached or drops the connection. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * True when a ClickHouse server could not be asked at all — down, unreachable, or silent past the
 * request timeout — so the same request may succeed later.
 */
export function isServerUnreachable(error: unknown): boolean {
  // Not instanceof: Node's socket errors may come from another realm (a vm context, as under jest).
  if (!types.isNativeError(error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  // @clickhouse/client rejects with exactly this message when request_timeout passes.
  return (code !== undefined && UNREACHABLE_CODES.has(code)) || error.message === 'Timeout error.';
}

/** ClickHouse's codes for a read stopped by its limits: too many groups, too much memory, too long. */
const LIMIT_CODES: Readonly<Record<string, string>> = {
  '158': 'it makes more than 1,000,000 groups',
  '241': 'it needs more memory than one query may use',
  '159': 'it ran past the query time limit (QUERY_TIMEOUT_SECONDS)',
};

/** A stats query stopped by a limit on reads: the person can narrow it (maps to 400). */
export class StatsTooLargeError extends Error {
  override readonly name = 'StatsTooLargeError';

  /** The error for a failed stats read when a limit stopped it; undefined for any other failure. */
  static from(error: unknown): StatsTooLargeError | undefined {
    const code = (error as { code?: unknown } | null)?.code;
    const reason = typeof code === 'string' && Object.hasOwn(LIMIT_CODES, code) ? LIMIT_CODES[code] : undefined;
    if (reason === undefined) return undefined;
    return new StatsTooLargeError(`the stats query is too large: ${reason}; narrow the time range or the search, or group by fewer fields`, { cause: error });
  }
}
