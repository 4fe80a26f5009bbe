/**
 * Syslog over UDP: one message per datagram, batched for the ingest path. UDP cannot be slowed
 * down, so a datagram that arrives while the ingest buffer is full (or whose batch storage
 * refuses) is dropped and counted in logline_syslog_udp_dropped_total.
 */
import { createSocket, type Socket } from 'node:dgram';
import type { FastifyBaseLogger } from 'fastify';
import { addSyslogFrame, emptyDecodedRecords, type DecodedRecords } from '@logline/ingest-protocols';
import type { ApiMetrics } from '../../metrics';
import { acceptRecords } from '../accept-records';
import type { IngestPipeline } from '../ingest-pipeline';
import { emptyParsedLines, lineLimits } from '../parse-lines';

const FLUSH_MS = 50;
const FLUSH_MESSAGES = 1000;
const NEWLINE = 0x0a;

type DatagramLimitsConfig = Parameters<typeof lineLimits>[0];

export class SyslogDatagrams {
  private readonly socket: Socket;
  /** Messages received and not yet handed over, by peer (dead letters name their sender). */
  private pending = new Map<string, DecodedRecords>();
  private pendingCount = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly storing = new Set<Promise<void>>();

  constructor(
    host: string,
    private readonly pipeline: IngestPipeline,
    private readonly limitsConfig: DatagramLimitsConfig,
    private readonly metrics: ApiMetrics,
    private readonly log: FastifyBaseLogger,
  ) {
    this.socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
    this.socket.on('message', (datagram, info) => this.receive(datagram, `${info.address}:${info.port}`));
    this.socket.on('error', (error) => log.warn({ err: error }, 'syslog udp socket error'));
  }

  bind(port: number, host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('error', reject);
      this.socket.bind(port, host, () => {
        this.socket.off('error', reject);
        resolve();
      });
    });
  }

  /** Stops receiving and stores what was received. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
    this.flush();
    await Promise.all([...this.storing]);
  }

  private receive(datagram: Buffer, peer: string): void {
    if (!this.pipeline.hasRoomFor(this.pendingCount + 1)) {
      this.metrics.syslogUdpDropped.inc({ reason: 'buffer_full' });
      return;
    }
    let records = this.pending.get(peer);
    if (!records) this.pending.set(peer, (records = emptyDecodedRecords(false)));
    const end = datagram.length > 0 && datagram[datagram.length - 1] === NEWLINE ? datagram.length - 1 : datagram.length;
    const message = datagram.subarray(0, end);
    const frame = message.length > this.limitsConfig.maxLineBytes ? { tooLarge: message.length, head: message.subarray(0, 4096) } : { message };
    addSyslogFrame(records, frame, 1, Date.now());
    this.pendingCount += 1;
    if (this.pendingCount >= FLUSH_MESSAGES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const limits = lineLimits(this.limitsConfig);
    for (const [peer, records] of this.pending) {
      const { rows, rejections } = emptyParsedLines(this.pipeline.collectRejections());
      acceptRecords(records, limits, { rows, rejections });
      this.pipeline.reject(rejections.take(true), 'syslog', peer);
      const storing: Promise<void> = this.pipeline
        .store(rows, 'syslog')
        .catch((error: unknown) => {
          this.metrics.syslogUdpDropped.inc({ reason: 'store_failed' }, rows.length);
          this.log.warn({ err: error, peer, rows: rows.length }, 'syslog datagrams not stored; dropped');
        })
        .finally(() => this.storing.delete(storing));
      this.storing.add(storing);
    }
    this.pending = new Map();
    this.pendingCount = 0;
  }
}
