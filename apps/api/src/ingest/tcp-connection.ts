/**
 * One TCP ingest connection: splits the stream into lines (bounded length), parses them, and
 * stores the rows in order through a ConnectionStore (backpressure, retries); a clean close ends
 * after every read line is stored.
 */
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { ConnectionStore, type ConnectionConfig } from './connection-store';
import { parseLine } from './parse-lines';
import type { IngestPipeline } from './ingest-pipeline';
import type { TcpAuthenticator } from './tcp-auth';

const NEWLINE = 0x0a;
/** A token line is `{"token":"ll_..."}`, well under this; a longer first line is refused at once. */
const MAX_TOKEN_LINE_BYTES = 4096;

export class TcpConnection {
  private readonly peer: string;
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private discarding = false;
  private lineNumber = 0;
  private readonly store: ConnectionStore;

  constructor(
    private readonly socket: Socket,
    pipeline: IngestPipeline,
    private readonly limitsConfig: ConnectionConfig,
    private readonly log: FastifyBaseLogger,
    private authenticate?: TcpAuthenticator,
  ) {
    this.peer = `${socket.remoteAddress}:${socket.remotePort}`;
    this.store = new ConnectionStore(socket, pipeline, 'tcp', this.peer, limitsConfig, log);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => void this.onEnd());
    socket.on('error', (error) => this.log.warn({ err: error, peer: this.peer }, 'tcp ingest connection error'));
  }

  /** Stops reading, stores what was read, then closes the socket. */
  async drain(): Promise<void> {
    this.store.closing = true;
    this.socket.pause();
    this.store.flush(true);
    await this.store.settled();
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length && !this.store.closing) {
      const newline = chunk.indexOf(NEWLINE, start);
      if (newline === -1) {
        this.keepPartial(chunk.subarray(start));
        break;
      }
      this.completeLine(chunk.subarray(start, newline));
      start = newline + 1;
    }
    this.store.afterRead();
  }

  private keepPartial(bytes: Buffer): void {
    if (this.discarding) return;
    this.partial.push(bytes);
    this.partialBytes += bytes.length;
    if (this.authenticate && this.partialBytes > MAX_TOKEN_LINE_BYTES) {
      // Nothing from an unauthenticated client is kept, not even a dead letter.
      this.refuse(`the first line must be {"token":"<ingest token>"}; this one is over ${MAX_TOKEN_LINE_BYTES} bytes`);
      return;
    }
    if (this.partialBytes > this.limitsConfig.maxLineBytes + 1) {
      // Too long to ever be accepted: report it now and skip the rest of the line.
      parseLine(Buffer.concat(this.partial), ++this.lineNumber, this.store.limits(), this.store.parsed);
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
    this.takeLine(line);
  }

  /** Every complete line passes here, the one left at the end of the stream included. */
  private takeLine(line: Buffer): void {
    if (this.authenticate) return this.checkFirstLine(line);
    parseLine(line, ++this.lineNumber, this.store.limits(), this.store.parsed);
  }

  private checkFirstLine(line: Buffer): void {
    this.lineNumber += 1;
    const refusal = this.authenticate?.(line);
    if (refusal) return this.refuse(refusal);
    this.authenticate = undefined;
  }

  private refuse(reason: string): void {
    this.log.warn({ peer: this.peer }, 'tcp ingest connection refused: %s', reason);
    this.store.closing = true;
    this.partial = [];
    this.partialBytes = 0;
    this.socket.end(`${JSON.stringify({ error: reason })}\n`, () => this.socket.destroy());
  }

  private async onEnd(): Promise<void> {
    if (this.store.closing) return;
    if (this.partial.length > 0 && !this.discarding) this.takeLine(Buffer.concat(this.partial));
    this.partial = [];
    this.store.flush(true);
    await this.store.settled();
    this.socket.end();
  }
}
