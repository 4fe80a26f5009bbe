/**
 * One TCP ingest connection: splits the stream into lines (bounded length), parses them, and
 * stores the rows in order. Reading pauses while too many of its rows wait for storage or the
 * ingest buffer is full (TCP backpressure instead of unbounded memory). Storage failures are
 * retried, since TCP has no acknowledgement to carry them back; a clean close ends after every
 * read line is stored.
 */
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { PreparedLogRow } from '@logline/ch-client';
import { emptyParsedLines, lineLimits, parseLine, type LineLimits, type ParsedLines } from './parse-lines';
import type { IngestPipeline } from './ingest-pipeline';
import type { TcpAuthenticator } from './tcp-auth';

const NEWLINE = 0x0a;
const FLUSH_ROWS = 1000;
/**
 * Rows one connection may have waiting for storage, in inserts: while one insert runs, the next
 * fills up from the socket. (Pausing after 4 chunks of a few hundred rows kept TCP inserts small
 * and the socket idle during each insert: 2.5x slower than HTTP.)
 */
const INSERTS_IN_FLIGHT = 2;
const RETRY_MS = 500;

/** What a connection needs from the ingest configuration. */
type TcpLimitsConfig = Parameters<typeof lineLimits>[0] & { batchRows: number };

export class TcpConnection {
  private readonly peer: string;
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private discarding = false;
  private lineNumber = 0;
  private parsed: ParsedLines = emptyParsedLines();
  /** Chunks of this connection being stored now, and their rows. */
  private readonly inFlight = new Set<Promise<void>>();
  private inFlightRows = 0;
  private readonly maxRowsInFlight: number;
  private closing = false;

  constructor(
    private readonly socket: Socket,
    private readonly pipeline: IngestPipeline,
    private readonly limitsConfig: TcpLimitsConfig,
    private readonly log: FastifyBaseLogger,
    private authenticate?: TcpAuthenticator,
  ) {
    this.peer = `${socket.remoteAddress}:${socket.remotePort}`;
    this.maxRowsInFlight = INSERTS_IN_FLIGHT * limitsConfig.batchRows;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => void this.onEnd());
    socket.on('error', (error) => this.log.warn({ err: error, peer: this.peer }, 'tcp ingest connection error'));
  }

  /** Stops reading, stores what was read, then closes the socket. */
  async drain(): Promise<void> {
    this.closing = true;
    this.socket.pause();
    this.flush();
    await this.settled();
    this.socket.destroy();
  }

  private limits(): LineLimits {
    return lineLimits(this.limitsConfig);
  }

  private onData(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length && !this.closing) {
      const newline = chunk.indexOf(NEWLINE, start);
      if (newline === -1) {
        this.keepPartial(chunk.subarray(start));
        break;
      }
      this.completeLine(chunk.subarray(start, newline));
      start = newline + 1;
    }
    if (this.parsed.rows.length >= FLUSH_ROWS || !this.pipeline.hasRoomFor(FLUSH_ROWS)) this.flush();
    else setImmediate(() => this.flush());
  }

  private keepPartial(bytes: Buffer): void {
    if (this.discarding) return;
    this.partial.push(bytes);
    this.partialBytes += bytes.length;
    if (this.partialBytes > this.limitsConfig.maxLineBytes + 1) {
      // Too long to ever be accepted: report it now and skip the rest of the line.
      parseLine(Buffer.concat(this.partial), ++this.lineNumber, this.limits(), this.parsed);
      this.partial = [];
      this.partialBytes = 0;
      this.discarding = true;
    }
  }

  private completeLine(tail: Buffer): void {
    if (this.discarding) {
      this.discarding = false;
      return;
    }
    const line = this.partial.length > 0 ? Buffer.concat([...this.partial, tail]) : tail;
    this.partial = [];
    this.partialBytes = 0;
    if (this.authenticate) return this.checkFirstLine(line);
    parseLine(line, ++this.lineNumber, this.limits(), this.parsed);
  }

  private checkFirstLine(line: Buffer): void {
    this.lineNumber += 1;
    const refusal = this.authenticate?.(line);
    if (refusal) {
      this.log.warn({ peer: this.peer }, 'tcp ingest connection refused: %s', refusal);
      this.closing = true;
      this.socket.end(`${JSON.stringify({ error: refusal })}\n`, () => this.socket.destroy());
      return;
    }
    this.authenticate = undefined;
  }

  private flush(): void {
    const batch = this.parsed;
    if (batch.rows.length === 0 && batch.rejections.length === 0) return;
    this.parsed = emptyParsedLines();
    this.pipeline.reject(batch.rejections, 'tcp', this.peer);
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

  private async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private async storeWithRetry(rows: PreparedLogRow[]): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.pipeline.store(rows, 'tcp');
        return;
      } catch (error) {
        if (attempt === 1 || attempt % 20 === 0) {
          this.log.warn({ err: error, peer: this.peer, rows: rows.length, attempt }, 'tcp rows not stored yet; retrying');
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  private async onEnd(): Promise<void> {
    if (this.partial.length > 0 && !this.discarding) {
      parseLine(Buffer.concat(this.partial), ++this.lineNumber, this.limits(), this.parsed);
    }
    this.partial = [];
    this.flush();
    await this.settled();
    this.socket.end();
  }
}
