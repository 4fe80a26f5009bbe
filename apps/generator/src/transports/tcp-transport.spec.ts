import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { type TcpIngest, range, runWithFlags, seqsOf, startTcpIngest } from '../../test';

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('generator over TCP, against a real local server', () => {
  let server: TcpIngest | undefined;
  afterEach(() => server?.close());

  it('writes --count events as NDJSON lines and counts them acknowledged after a clean close', async () => {
    server = await startTcpIngest();
    const { stats, warnings } = await runWithFlags(['--target', server.url, '--rate', '0', '--count', '5000', '--batch', '100', '--producer', 't1']);
    expect(stats).toEqual([{ producer_id: 't1', sent: 5000, acked: 5000, failed: 0, first_seq: 0, last_seq: 4999 }]);
    expect(seqsOf(server.received, 't1')).toEqual(range(5000));
    // Delivery is at least once: on a starved machine a close can miss its deadline, and the
    // batches are written again (the api drops the copies by producer and seq). Never silently.
    if (server.received.length > 5000) expect(warnings.some((warning) => /writing \d+ batches again/.test(warning))).toBe(true);
  });

  it('begins every connection with the token line of --token-file', async () => {
    server = await startTcpIngest();
    const tokenFile = join(mkdtempSync(join(tmpdir(), 'logline-token-')), 'token');
    writeFileSync(tokenFile, 'll_secret-ingest-token\n');
    const { stats } = await runWithFlags(['--target', server.url, '--rate', '40', '--count', '60', '--batch', '10', '--token-file', tokenFile]);
    expect(stats[0]).toMatchObject({ sent: 60, acked: 60 });
    expect(server.connections).toBeGreaterThanOrEqual(2);
    expect(server.tokens).toEqual(Array(server.connections).fill('ll_secret-ingest-token'));
    expect(server.received).toHaveLength(60);
  });

  it('writes the batches of a connection that was reset again on a new one', async () => {
    server = await startTcpIngest({ resetFirstAfterLines: 150 });
    const { stats, warnings } = await runWithFlags(['--target', server.url, '--rate', '0', '--count', '2000', '--batch', '50', '--producer', 't2']);
    expect(stats[0]).toMatchObject({ sent: 2000, acked: 2000, failed: 0 });
    expect(server.connections).toBeGreaterThan(1);
    expect(seqsOf(server.received, 't2')).toEqual(range(2000));
    expect(warnings.some((warning) => /failed; writing \d+ batches again/.test(warning))).toBe(true);
  });

  it('closes connections about once a second so long runs get acknowledged as they go', async () => {
    server = await startTcpIngest();
    const { stats } = await runWithFlags(['--target', server.url, '--rate', '40', '--count', '100', '--batch', '10', '--producer', 't3']);
    expect(stats[0]).toMatchObject({ sent: 100, acked: 100, failed: 0 });
    expect(server.connections).toBeGreaterThanOrEqual(2);
  });

  it('counts events as failed when nothing listens until the retry deadline', async () => {
    const url = `tcp://127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    const { stats, warnings } = await runWithFlags(['--target', url, '--rate', '0', '--count', '20', '--batch', '10', '--retry-deadline', '600ms']);
    expect(stats[0]).toMatchObject({ sent: 20, acked: 0, failed: 20 });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(warnings[0]).toMatch(/cannot connect to tcp:\/\/127\.0\.0\.1:\d+/);
  });
});
