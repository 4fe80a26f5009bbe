/** A live progress line on a terminal's stderr, redrawn in place about once a second. */
import type { ProducerStats } from './summary';

const REDRAW_MS = 1_000;
const CLEAR_LINE = '\r\x1b[2K';

export class ProgressLine {
  private stats: readonly ProducerStats[] = [];
  private timer?: NodeJS.Timeout;
  private lastSent = 0;
  private lastMs = 0;
  private text = '';

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly clock: () => number = Date.now,
  ) {}

  start(stats: readonly ProducerStats[]): void {
    this.stats = stats;
    this.lastMs = this.clock();
    this.timer = setInterval(() => this.redraw(), REDRAW_MS);
    this.timer.unref();
  }

  /** Prints a line above the progress line. */
  log(line: string): void {
    this.stream.write(`${CLEAR_LINE}${line}\n${this.text}`);
  }

  stop(): void {
    clearInterval(this.timer);
    if (this.text) this.stream.write(CLEAR_LINE);
    this.text = '';
  }

  private redraw(): void {
    const total = (key: 'sent' | 'acked' | 'failed'): number => this.stats.reduce((sum, s) => sum + s[key], 0);
    const now = this.clock();
    const sent = total('sent');
    const perSecond = Math.round(((sent - this.lastSent) * 1000) / Math.max(1, now - this.lastMs));
    [this.lastSent, this.lastMs] = [sent, now];
    this.text = `${perSecond} events/s  sent ${sent}  acked ${total('acked')}  failed ${total('failed')}`;
    this.stream.write(`${CLEAR_LINE}${this.text}`);
  }
}
