/**
 * Open connections per client address, capped, so one address cannot take every connection a
 * listener allows and lock everyone else out.
 */
import type { Socket } from 'node:net';

export class ConnectionsPerAddress {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts the socket against its address until it closes; false (not counted) beyond the cap. */
  admit(socket: Socket): boolean {
    const address = socket.remoteAddress ?? '';
    const count = this.open.get(address) ?? 0;
    if (count >= this.max) return false;
    this.open.set(address, count + 1);
    socket.once('close', () => {
      const left = (this.open.get(address) ?? 1) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
    });
    return true;
  }

  /** Connections open now from `address`. */
  openFrom(address: string): number {
    return this.open.get(address) ?? 0;
  }
}
