import { once } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { ClickHouseLogLevel, createClient } from '@clickhouse/client';
import { isServerUnreachable, StatsTooLargeError } from './errors';

async function listening(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

/** What @clickhouse/client rejects with when it asks `url` for SELECT 1. */
async function failureOf(url: string, requestTimeoutMs = 30_000): Promise<unknown> {
  const client = createClient({ url, request_timeout: requestTimeoutMs, log: { level: ClickHouseLogLevel.OFF } });
  try {
    await client.query({ query: 'SELECT 1' });
    throw new Error(`${url} answered`);
  } catch (error) {
    return error;
  } finally {
    await client.close();
  }
}

describe('isServerUnreachable', () => {
  it('recognises a server that refuses connections', async () => {
    const server = createServer();
    const port = await listening(server);
    server.close();
    await once(server, 'close');
    expect(isServerUnreachable(await failureOf(`http://127.0.0.1:${port}`))).toBe(true);
  });

  it('recognises a server that drops the connection or never answers', async () => {
    const dropping = createServer((socket) => socket.destroy());
    const silent = createServer(() => undefined);
    try {
      expect(isServerUnreachable(await failureOf(`http://127.0.0.1:${await listening(dropping)}`))).toBe(true);
      expect(isServerUnreachable(await failureOf(`http://127.0.0.1:${await listening(silent)}`, 200))).toBe(true);
    } finally {
      dropping.close();
      silent.close();
    }
  });

  it('leaves every other failure alone', () => {
    expect(isServerUnreachable(new Error('Code: 62. DB::Exception: Syntax error'))).toBe(false);
    expect(isServerUnreachable('ECONNREFUSED')).toBe(false);
  });
});

describe('StatsTooLargeError.from', () => {
  it('names the limit a stats read ran into, and nothing else', () => {
    expect(StatsTooLargeError.from({ code: '158' })?.message).toMatch(/more than 1,000,000 groups; narrow the time range/);
    expect(StatsTooLargeError.from({ code: '159' })?.message).toMatch(/query time limit/);
    expect(StatsTooLargeError.from({ code: '60' })).toBeUndefined();
    expect(StatsTooLargeError.from(new Error('boom'))).toBeUndefined();
  });
});
