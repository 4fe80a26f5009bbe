/**
 * Where accepted rows and rejected lines go: rows to logs.application_logs through a
 * group-commit inserter (awaited, so acknowledgements mean stored), rejections to the
 * logs.ingest_errors dead-letter table (not awaited by the sender, logged if it fails).
 */
import type { FastifyBaseLogger } from 'fastify';
import {
  BatchInserter,
  deadLetterWriter,
  logRowWriter,
  truncateRaw,
  type DeadLetter,
  type Storage,
  type WriteBatch,
} from '@logline/ch-client';
import type { ApiConfig } from '../config';
import type { ApiMetrics } from '../metrics';
import type { LineRejection } from './parse-lines';

export type Transport = 'http' | 'tcp';

export class IngestPipeline {
  private readonly rows: BatchInserter;
  private readonly deadLetters: BatchInserter;

  constructor(
    storage: Storage,
    config: ApiConfig['ingest'],
    private readonly metrics: ApiMetrics,
    private readonly log: FastifyBaseLogger,
  ) {
    this.rows = new BatchInserter(this.timed('application_logs', logRowWriter(storage.writer)), {
      maxRows: config.batchRows,
      flushMs: config.flushMs,
      maxPendingRows: config.maxPendingRows,
    });
    this.deadLetters = new BatchInserter(this.timed('ingest_errors', deadLetterWriter(storage.writer)), {
      maxRows: config.batchRows,
      flushMs: 250,
      maxPendingRows: config.maxPendingRows,
    });
  }

  /** Rows waiting for storage. */
  get pendingRows(): number {
    return this.rows.pendingRows;
  }

  /** True while the buffer can take `rows` more. */
  hasRoomFor(rows: number): boolean {
    return this.rows.hasRoomFor(rows);
  }

  /** Stores rows; resolves once they are visible to queries. */
  async store(rows: readonly string[], transport: Transport): Promise<void> {
    if (rows.length === 0) return;
    await this.rows.insert(rows);
    this.metrics.ingestedEvents.inc({ transport, outcome: 'accepted' }, rows.length);
  }

  /** Records rejected lines as dead letters. */
  reject(rejections: readonly LineRejection[], transport: Transport, peer: string): void {
    if (rejections.length === 0) return;
    this.metrics.ingestedEvents.inc({ transport, outcome: 'rejected' }, rejections.length);
    const lines = rejections.map((rejection) => {
      this.metrics.rejectedEvents.inc({ transport, code: rejection.code });
      const letter: DeadLetter = { ...rejection, transport, peer, raw: truncateRaw(rejection.raw) };
      return JSON.stringify(letter);
    });
    this.deadLetters.insert(lines).catch((error: unknown) => {
      this.log.error({ err: error, transport, peer, count: lines.length }, 'could not store dead letters');
    });
  }

  /** Stores everything pending, then refuses more. */
  async close(): Promise<void> {
    await Promise.all([this.rows.close(), this.deadLetters.close()]);
  }

  private timed(table: string, write: WriteBatch): WriteBatch {
    return async (lines) => {
      const stop = this.metrics.insertSeconds.startTimer({ table });
      this.metrics.insertRows.observe({ table }, lines.length);
      try {
        await write(lines);
      } finally {
        stop();
        this.metrics.pendingRows.set(this.rows?.pendingRows ?? 0);
      }
    };
  }
}
