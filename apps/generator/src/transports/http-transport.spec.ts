import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HttpIngest, range, runWithFlags, seqsOf, startHttpIngest } from '../../test';
import { allAcknowledged } from '../summary';

describe('generator over HTTP, against a real local server', () => {
  let server: HttpIngest | undefined;
  afterEach(() => server?.close());

  it('delivers --count events in NDJSON batches with seq 0..N-1, and reports them acknowledged', async () => {
    server = await startHttpIngest();
    const { stats } = await runWithFlags(['--target', server.url, '--rate', '0', '--count', '1000', '--batch', '100', '--producer', 'p1', '--seed', '7']);
    expect(stats).toEqual([{ producer_id: 'p1', sent: 1000, acked: 1000, failed: 0, first_seq: 0, last_seq: 999 }]);
    expect(allAcknowledged(stats)).toBe(true);
    expect(server.stored.map((event) => event.seq).sort((a, b) => a - b)).toEqual(range(1000));
    expect(server.requests.every((request) => request.lines === 100 && request.contentType === 'application/x-ndjson')).toBe(true);
  });

  it('sends the token of --token-file as a bearer token on every request', async () => {
    server = await startHttpIngest();
    const tokenFile = join(mkdtempSync(join(tmpdir(), 'logline-token-')), 'token');
    writeFileSync(tokenFile, 'll_secret-ingest-token\n');
    const { stats } = await runWithFlags(['--target', server.url, '--rate', '0', '--count', '30', '--batch', '10', '--token-file', tokenFile]);
    expect(stats[0]).toMatchObject({ sent: 30, acked: 30 });
    expect(server.requests.map((request) => request.authorization)).toEqual(Array(3).fill('Bearer ll_secret-ingest-token'));
  });

  it('waits the Retry-After of a 429, then resends the same batch', async () => {
    server = await startHttpIngest((index) => (index === 0 ? { status: 429, headers: { 'retry-after': '1' } } : undefined));
    const { stats } = await runWithFlags(['--target', server.url, '--rate', '0', '--count', '20', '--batch', '20', '--producer', 'p']);
    expect(stats[0]).toMatchObject({ sent: 20, acked: 20, failed: 0 });
    const [busy, retried] = server.requests;
    expect([busy.status, retried.status]).toEqual([429, 200]);
    expect(retried.atMs - busy.atMs).toBeGreaterThanOrEqual(950);
    expect(server.stored.map((event) => event.seq)).toEqual(range(20));
  });

  it('retries a 500 and a dropped connection with backoff', async () => {
    server = await startHttpIngest((index) => [{ status: 500 }, 'drop' as const][index]);
    const { stats } = await runWithFlags(['--target', server.url, '--rate', '0', '--count', '10', '--batch', '10', '--producer', 'p']);
    expect(stats[0]).toMatchObject({ sent: 10, acked: 10, failed: 0 });
    expect(server.requests.map((request) => request.status)).toEqual([500, 0, 200]);
    expect(server.stored.map((event) => event.seq)).toEqual(range(10));
  });

  it('counts a batch refused with a 4xx as failed, without retrying it', async () => {
    server = await startHttpIngest((index) => (index === 1 ? { status: 400, body: '{"message":"bad"}' } : undefined));
    const { stats, warnings } = await runWithFlags(['--target', server.url, '--rate', '0', '--count', '30', '--batch', '10', '--producer', 'p']);
    expect(stats[0]).toMatchObject({ sent: 30, acked: 20, failed: 10 });
    expect(allAcknowledged(stats)).toBe(false);
    expect(server.requests).toHaveLength(3);
    expect(warnings[0]).toMatch(/target refused p seq \d+\.\.\d+: HTTP 400/);
  });

  it('counts the lines the api rejects as failed and the others as acknowledged', async () => {
    server = await startHttpIngest((_index, events) => ({
      status: 200,
      body: JSON.stringify({ accepted: events.length - 1, rejected: 1, errors: [{ line: 2, reason: 'message must be a string' }] }),
    }));
    const { stats, warnings } = await runWithFlags(['--target', server.url, '--rate', '0', '--count', '10', '--batch', '5', '--producer', 'p']);
    expect(stats[0]).toMatchObject({ sent: 10, acked: 8, failed: 2 });
    expect(warnings[0]).toContain('message must be a string');
  });

  it('gives up on a batch at the retry deadline', async () => {
    server = await startHttpIngest(() => ({ status: 503 }));
    const started = Date.now();
    const { stats, warnings } = await runWithFlags(['--target', server.url, '--count', '5', '--rate', '0', '--retry-deadline', '700ms']);
    expect(stats[0]).toMatchObject({ sent: 5, acked: 0, failed: 5 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(server.requests.length).toBeGreaterThan(1);
    expect(warnings.some((warning) => warning.includes('retry deadline'))).toBe(true);
  });

  it('runs several producers, each with its own id and seq from 0', async () => {
    server = await startHttpIngest();
    const { stats } = await runWithFlags(['--target', server.url, '--rate', '0', '--count', '50', '--batch', '7', '--producers', '3', '--producer', 'load']);
    expect(stats.map((producer) => producer.producer_id)).toEqual(['load-0', 'load-1', 'load-2']);
    for (const id of ['load-0', 'load-1', 'load-2']) expect(seqsOf(server.stored, id)).toEqual(range(50));
    expect(server.stored).toHaveLength(150);
  });

  it('on stop, delivers what it generated and reports contiguous seqs', async () => {
    server = await startHttpIngest();
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 400);
    const { stats } = await runWithFlags(['--target', server.url, '--rate', '50', '--producer', 'p'], { stop: stop.signal });
    expect(stats[0].sent).toBeGreaterThan(5);
    expect(stats[0]).toMatchObject({ acked: stats[0].sent, failed: 0, first_seq: 0, last_seq: stats[0].sent - 1 });
    expect(seqsOf(server.stored, 'p')).toEqual(range(stats[0].sent));
  });

  it('when abandoned, counts what is still unanswered as failed and returns promptly', async () => {
    server = await startHttpIngest(() => 'hang');
    const stop = new AbortController();
    const abandon = new AbortController();
    setTimeout(() => stop.abort(), 200);
    setTimeout(() => abandon.abort(), 400);
    const { stats } = await runWithFlags(['--target', server.url, '--rate', '100', '--batch', '5', '--producer', 'p'], {
      stop: stop.signal,
      abandon: abandon.signal,
    });
    expect(stats[0].sent).toBeGreaterThan(0);
    expect(stats[0]).toMatchObject({ acked: 0, failed: stats[0].sent });
  });
});
