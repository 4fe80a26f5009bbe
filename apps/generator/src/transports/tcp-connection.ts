/**
 * One TCP connection. TCP carries no acknowledgements, so what was written counts as delivered
 * only when the connection closes cleanly after we end it: the peer has then read everything
 * up to our end of stream.
 */
import { type Socket, connect } from 'node:net';

/**
 * A peer that never closes its side after our end is given this long before we cut it off. The
 * Logline api closes only once every line it read is stored, and under backpressure that takes
 * tens of seconds; cutting off sooner made the generator resend what was already stored (a
 * 1M-event run absorbed 720k duplicates at 10 s).
 */
const END_TIMEOUT_MS = 120_000;

export class TcpConnection {
  readonly openedAt = Date.now();
  /** True when the connection closed cleanly after `end()`; false on any error or early close. */
  readonly closed: Promise<boolean>;
  private ending = false;
  private failed = false;

  private constructor(private readonly socket: Socket) {
    socket.setKeepAlive(true);
    this.closed = new Promise((resolve) => {
      socket.on('error', () => {
        this.failed = true;
      });
      socket.on('close', (hadError) => resolve(this.ending && !hadError && !this.failed));
    });
  }

  static open(host: string, port: number, signal: AbortSignal): Promise<TcpConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port, signal });
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new TcpConnection(socket));
      });
      socket.once('error', reject);
    });
  }

  get writable(): boolean {
    return !this.ending && !this.failed && !this.socket.destroyed;
  }

  /** Writes the text; resolves once the socket can take more (after 'drain') or has closed. */
  write(text: string): Promise<void> {
    if (this.socket.write(text)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.socket.off('drain', done);
        this.socket.off('close', done);
        resolve();
      };
      this.socket.on('drain', done);
      this.socket.on('close', done);
    });
  }

  /** Ends our side and answers whether the connection then closed cleanly. */
  end(): Promise<boolean> {
    this.ending = true;
    this.socket.end();
    const timer = setTimeout(() => this.destroy(), END_TIMEOUT_MS);
    return this.closed.finally(() => clearTimeout(timer));
  }

  destroy(): void {
    this.failed = true;
    this.socket.destroy();
  }
}
