import { connect, createServer, type Server, type Socket } from 'node:net';
import { once } from 'node:events';
import { ConnectionsPerAddress } from './connections-per-address';

describe('ConnectionsPerAddress', () => {
  let server: Server;
  let port: number;
  const limit = new ConnectionsPerAddress(2);
  beforeAll(async () => {
    server = createServer((socket) => {
      if (!limit.admit(socket)) socket.destroy();
      else socket.write('welcome\n');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** Connects and answers whether the server welcomed the connection (else it was closed). */
  async function open(): Promise<{ socket: Socket; welcomed: boolean }> {
    const socket = connect(port, '127.0.0.1');
    const welcomed = await new Promise<boolean>((resolve) => {
      socket.once('data', () => resolve(true));
      socket.once('close', () => resolve(false));
    });
    return { socket, welcomed };
  }

  it('closes connections beyond the cap of one address, and admits again once one closes', async () => {
    const first = await open();
    const second = await open();
    const third = await open();
    expect([first.welcomed, second.welcomed, third.welcomed]).toEqual([true, true, false]);
    first.socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(limit.openFrom('127.0.0.1')).toBe(1);
    const fourth = await open();
    expect(fourth.welcomed).toBe(true);
    second.socket.destroy();
    fourth.socket.destroy();
  });
});
