/**
 * Stores what one stream connection (NDJSON over TCP, syslog over TCP) has read, in order, with
 * TCP backpressure: reading pauses while too many of its rows wait for storage or the ingest
 * buffer is full. Storage failures are retried, since a stream has no acknowledgement to carry
 * them back; `settled` resolves once every row read so far is stored.
 */
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { PreparedLogRow } from '@logline/ch-client';
import type { ApiConfig } from '../config';
import { acceptEvent, type NormalisedEvent } from './accept-event';
import { EventJoiner } from './event-joiner';
import type { IngestPipeline, Transport } from './ingest-pipeline';
import { emptyParsedLines, lineLimits, type LineLimits, type ParsedLines } from './parse-lines';
import type { Rejections } from './rejections';

/** What a connection needs from the ingest configuration. */
export type ConnectionConfig = Parameters<typeof lineLimits>[0] & Pick<ApiConfig['ingest'], 'batchRows' | 'multiline'>;

const FLUSH_ROWS = 1000;
/**
 * Rows one connection may have waiting for storage, in inserts: while one insert runs, the next
 * fills up from the socket. (Pausing after 4 chunks of a few hundred rows kept TCP inserts small
 * and the socket idle during each insert: 2.5x slower than HTTP.)
 */
const INSERTS_IN_FLIGHT = 2;
const RETRY_MS = 500;

export class ConnectionStore {
  /** Rows and rejections read and not yet handed to the pipeline: fill it, then call `afterRead`. */
  parsed: ParsedLines;
  /** Refusals of the whole connection: details for the first few, counts for the rest. */
  private readonly rejections: Rejections;
  /** Set once the connection stops reading: the socket is not resumed any more. */
  closing = false;
  private readonly inFlight = new Set<Promise<void>>();
  private inFlightRows = 0;
  private readonly maxRowsInFlight: number;
  /** Joins stack traces sent line by line; undefined when MULTILINE_ENABLED is false. */
  private readonly joiner: EventJoiner | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly pipeline: IngestPipeline,
    private readonly transport: Transport,
    readonly peer: string,
    private readonly config: ConnectionConfig,
    private readonly log: FastifyBaseLogger,
  ) {
    this.maxRowsInFlight = INSERTS_IN_FLIGHT * config.batchRows;
    this.joiner = config.multiline && new EventJoiner(config.multiline, (events) => this.acceptJoined(events), () => this.afterRead());
    this.rejections = pipeline.collectRejections();
    this.parsed = emptyParsedLines(this.rejections);
    // However the connection ends, the refusals past the detail budget get their summary.
    socket.once('close', () => pipeline.reject(this.rejections.take(true), transport, peer));
  }

  /** What a line read now must respect, and where its event goes once normalised: the joiner, if on. */
  limits(): LineLimits {
    return { ...lineLimits(this.config), joiner: this.joiner };
  }

  /** After a chunk was read: hands a full batch over now, a small one once the chunk's turn ends. */
  afterRead(): void {
    if (this.parsed.rows.length >= FLUSH_ROWS || !this.pipeline.hasRoomFor(FLUSH_ROWS)) this.flush();
    else setImmediate(() => this.flush());
  }

  /** Hands what was parsed to the pipeline; `final` (the connection ends) completes every joined event first. */
  flush(final = false): void {
    if (final) this.joiner?.end();
    const batch = this.parsed;
    if (batch.rows.length === 0 && this.rejections.kept.length === 0) return;
    this.parsed = emptyParsedLines(this.rejections);
    this.pipeline.reject(this.rejections.take(false), this.transport, this.peer);
    if (batch.rows.length === 0) return;
    // Reading overlaps storing up to maxRowsInFlight; beyond that, or when the ingest buffer is
    // full, the socket stops being read (TCP backpressure).
    const rows = batch.rows.length;
    const storing: Promise<void> = this.storeWithRetry(batch.rows).finally(() => {
      this.inFlight.delete(storing);
      this.inFlightRows -= rows;
      if (!this.closing && !this.socket.destroyed && this.inFlightRows < this.maxRowsInFlight) this.socket.resume();
    });
    this.inFlight.add(storing);
    this.inFlightRows += rows;
    if (this.inFlightRows >= this.maxRowsInFlight || !this.pipeline.hasRoomFor(FLUSH_ROWS)) this.socket.pause();
  }

  private acceptJoined(events: readonly NormalisedEvent[]): void {
    const limits = lineLimits(this.config);
    for (const event of events) acceptEvent(event, limits, this.parsed);
  }

  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async storeWithRetry(rows: PreparedLogRow[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.pipeline.store(rows, this.transport);
        return;
      } catch (error) {
        if (attempt === 1 || attempt % 20 === 0) {
          this.log.warn({ err: error, peer: this.peer, rows: rows.length, attempt }, `${this.transport} rows not stored yet; retrying`);
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }
}
