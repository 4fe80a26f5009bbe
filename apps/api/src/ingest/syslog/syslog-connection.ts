/**
 * One syslog TCP connection: octet-counted or newline-framed messages (RFC 6587), each parsed as
 * RFC 5424 or RFC 3164 and stored through the one ingest path, in order, with TCP backpressure.
 */
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { addSyslogFrame, emptyDecodedRecords, SyslogFrameReader, type SyslogFrame } from '@logline/ingest-protocols';
import { acceptRecords } from '../accept-records';
import { ConnectionStore, type ConnectionConfig } from '../connection-store';
import type { IngestPipeline } from '../ingest-pipeline';

export class SyslogConnection {
  private readonly frames: SyslogFrameReader;
  private readonly store: ConnectionStore;
  private messages = 0;

  constructor(
    private readonly socket: Socket,
    pipeline: IngestPipeline,
    limitsConfig: ConnectionConfig,
    log: FastifyBaseLogger,
  ) {
    const peer = `${socket.remoteAddress}:${socket.remotePort}`;
    this.frames = new SyslogFrameReader(limitsConfig.maxLineBytes);
    this.store = new ConnectionStore(socket, pipeline, 'syslog', peer, limitsConfig, log);
    socket.on('data', (chunk: Buffer) => {
      if (this.store.closing) return;
      this.add(this.frames.push(chunk));
      this.store.afterRead();
    });
    socket.on('end', () => void this.onEnd());
    socket.on('error', (error) => log.warn({ err: error, peer }, 'syslog connection error'));
  }

  /** Stops reading, stores what was read, then closes the socket. */
  async drain(): Promise<void> {
    this.store.closing = true;
    this.socket.pause();
    this.store.flush(true);
    await this.store.settled();
    this.socket.destroy();
  }

  private add(frames: SyslogFrame[]): void {
    if (frames.length === 0) return;
    const decoded = emptyDecodedRecords(false);
    const receivedMs = Date.now();
    for (const frame of frames) addSyslogFrame(decoded, frame, ++this.messages, receivedMs);
    acceptRecords(decoded, this.store.limits(), this.store.parsed);
  }

  private async onEnd(): Promise<void> {
    this.add(this.frames.end());
    this.store.flush(true);
    await this.store.settled();
    this.socket.end();
  }
}
