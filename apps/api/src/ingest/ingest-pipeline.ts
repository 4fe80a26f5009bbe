/**
 * Where accepted rows and rejected lines go: rows to logs.application_logs through a
 * group-commit inserter (awaited, so acknowledgements mean stored), rejections to the
 * logs.ingest_errors dead-letter table (not awaited by the sender, logged if it fails).
 */
import type { FastifyBaseLogger } from 'fastify';
import { BatchInserter, truncateRaw, type DeadLetter, type PreparedLogRow, type Store, type WriteBatch } from '@logline/ch-client';
import type { ApiConfig } from '../config';
import type { ApiMetrics } from '../metrics';
import type { LineRejection } from './parse-lines';

/** How events arrived: the api's own NDJSON over HTTP or TCP, or one of the standard protocols' doors. */
export type Transport = 'http' | 'tcp' | 'otlp' | 'loki' | 'elasticsearch' | 'syslog';

export class IngestPipeline {
  private readonly rows: BatchInserter<PreparedLogRow>;
  private readonly deadLetters: BatchInserter<DeadLetter>;

  constructor(
    store: Store,
    config: ApiConfig['ingest'],
    private readonly metrics: ApiMetrics,
    private readonly log: FastifyBaseLogger,
  ) {
    const countDuplicates = async (duplicates: ReadonlyMap<string, number>): Promise<void> => {
      for (const count of duplicates.values()) this.metrics.duplicateEvents.inc(count);
      // The rows are stored already; a failure here only loses the audit's duplicate count.
      await store.recordDuplicates(duplicates).catch((error: unknown) =>
        this.log.warn({ err: error }, 'could not record absorbed duplicates'),
      );
    };
    // This pipeline is the process's one log writer (with the embedded engine, the table's only
    // one: it may trust what it stored itself and hold the newest events).
    const writeRows = store.createLogRowWriter(countDuplicates);
    this.rows = new BatchInserter(this.timed('application_logs', writeRows), {
      maxRows: config.batchRows,
      flushMs: config.flushMs,
      maxPendingRows: config.maxPendingRows,
    });
    this.deadLetters = new BatchInserter(this.timed('ingest_errors', (letters) => store.writeDeadLetters(letters)), {
      maxRows: config.batchRows,
      flushMs: 250,
      maxPendingRows: config.maxPendingRows,
    });
  }

  /** Rows waiting for storage. */
  get pendingRows(): number {
    return this.rows.pendingRows;
  }

  /** When the log insert now running started (epoch ms); undefined when none runs. */
  get inFlightSinceMs(): number | undefined {
    return this.rows.inFlightSinceMs;
  }

  /** True while the buffer can take `rows` more. */
  hasRoomFor(rows: number): boolean {
    return this.rows.hasRoomFor(rows);
  }

  /** Stores rows; resolves once they are visible to queries. */
  async store(rows: readonly PreparedLogRow[], transport: Transport): Promise<void> {
    if (rows.length === 0) return;
    await this.rows.insert(rows);
    this.metrics.ingestedEvents.inc({ transport, outcome: 'accepted' }, rows.length);
  }

  /** Records rejected lines as dead letters. */
  reject(rejections: readonly LineRejection[], transport: Transport, peer: string): void {
    if (rejections.length === 0) return;
    this.metrics.ingestedEvents.inc({ transport, outcome: 'rejected' }, rejections.length);
    const letters = rejections.map((rejection): DeadLetter => {
      this.metrics.rejectedEvents.inc({ transport, code: rejection.code });
      return { ...rejection, transport, peer, raw: truncateRaw(rejection.raw) };
    });
    this.deadLetters.insert(letters).catch((error: unknown) => {
      this.log.error({ err: error, transport, peer, count: letters.length }, 'could not store dead letters');
    });
  }

  /** Stores everything pending, then refuses more. */
  async close(): Promise<void> {
    await Promise.all([this.rows.close(), this.deadLetters.close()]);
  }

  private timed<T>(table: string, write: WriteBatch<T>): WriteBatch<T> {
    return async (rows) => {
      const stop = this.metrics.insertSeconds.startTimer({ table });
      this.metrics.insertRows.observe({ table }, rows.length);
      try {
        await write(rows);
      } finally {
        stop();
        this.metrics.pendingRows.set(this.rows?.pendingRows ?? 0);
      }
    };
  }
}
