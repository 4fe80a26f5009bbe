/** Failures of the storage layer that callers turn into specific answers. */

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
