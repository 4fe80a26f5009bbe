/**
 * Where accepted rows and rejected lines go: rows to logs.application_logs through a
 * group-commit inserter (awaited, so acknowledgements mean stored), rejections to the
 * logs.ingest_errors dead-letter table (not awaited by the sender, logged if it fails). Every
 * ingest door shares its bounds: refusals per request or connection (collectRejections) and
 * dead letters waiting for storage (beyond them, dead letters are counted and dropped).
 */
import type { FastifyBaseLogger } from 'fastify';
import { BatchInserter, type DeadLetter, type InsertListener, type PreparedLogRow, type Store, type WriteBatch } from '@logline/ch-client';
import type { ApiConfig } from '../config';
import type { ApiMetrics } from '../metrics';
import { Rejections, type LineRejection, type RejectionBatch } from './rejections';

/** How events arrived: the api's own NDJSON over HTTP or TCP, or one of the standard protocols' doors. */
export type Transport = 'http' | 'tcp' | 'otlp' | 'loki' | 'elasticsearch' | 'syslog';

export class IngestPipeline {
  private readonly rows: BatchInserter<PreparedLogRow>;
  private readonly deadLetters: BatchInserter<DeadLetter>;
  private readonly maxErrorsKept: number;
  /** True while dead letters are being dropped, so the log says so once per episode. */
  private droppingDeadLetters = false;

  constructor(
    store: Store,
    config: ApiConfig['ingest'],
    private readonly metrics: ApiMetrics,
    private readonly log: FastifyBaseLogger,
    /** Hears of every insert of log rows as it settles (the embedded api's live tail). */
    inserts?: InsertListener,
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
    const writeRows = store.createLogRowWriter(countDuplicates, inserts);
    this.rows = new BatchInserter(this.timed('application_logs', writeRows), {
      maxRows: config.batchRows,
      flushMs: config.flushMs,
      maxPendingRows: config.maxPendingRows,
    });
    this.deadLetters = new BatchInserter(this.timed('ingest_errors', (letters) => store.writeDeadLetters(letters)), {
      maxRows: config.batchRows,
      flushMs: 250,
      maxPendingRows: config.maxPendingDeadLetters,
    });
    this.maxErrorsKept = config.maxErrorsKept;
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

  /**
   * A collector for the refusals of one request or connection, with the configured detail
   * budget; `keepEvery` keeps every refusal's details for a door that answers each record.
   */
  collectRejections({ keepEvery = false } = {}): Rejections {
    return new Rejections(keepEvery ? Number.POSITIVE_INFINITY : this.maxErrorsKept);
  }

  /**
   * Counts refused lines and stores them as dead letters (dropped, and counted, when too many
   * wait); counts the events processing rules dropped.
   */
  reject(batch: RejectionBatch, transport: Transport, peer: string): void {
    for (const [rule, count] of batch.dropped) {
      this.metrics.ingestedEvents.inc({ transport, outcome: 'dropped_by_rule' }, count);
      this.metrics.ruleDroppedEvents.inc({ rule }, count);
    }
    for (const [code, count] of batch.counts) {
      this.metrics.ingestedEvents.inc({ transport, outcome: 'rejected' }, count);
      this.metrics.rejectedEvents.inc({ transport, code }, count);
    }
    const letters = this.boundedLetters(batch).map((rejection): DeadLetter => ({ ...rejection, transport, peer }));
    if (letters.length === 0) return;
    if (!this.deadLetters.hasRoomFor(letters.length)) {
      this.metrics.droppedDeadLetters.inc(letters.length);
      if (!this.droppingDeadLetters) this.log.warn({ transport, peer, waiting: this.deadLetters.pendingRows }, 'dead letters are being dropped: too many wait for storage');
      this.droppingDeadLetters = true;
      return;
    }
    this.droppingDeadLetters = false;
    this.deadLetters.insert(letters).catch((error: unknown) => {
      this.log.error({ err: error, transport, peer, count: letters.length }, 'could not store dead letters');
    });
  }

  /** The batch's dead letters: its details and summary, within the detail budget whoever collected them. */
  private boundedLetters(batch: RejectionBatch): LineRejection[] {
    if (batch.details.length <= this.maxErrorsKept) return [...batch.details, ...(batch.summary ? [batch.summary] : [])];
    const bounded = new Rejections(this.maxErrorsKept);
    for (const detail of batch.details) bounded.add(detail);
    const { details, summary } = bounded.take(true);
    return [...details, ...(summary ? [summary] : [])];
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
