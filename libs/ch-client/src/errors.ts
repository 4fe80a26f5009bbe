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
