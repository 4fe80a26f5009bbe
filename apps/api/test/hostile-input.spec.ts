/** Broken and hostile input over real sockets: each gets a specific answer and the api keeps serving. */
import { connect, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import pino from 'pino';
import { request } from 'undici';
import { startTcpIngest, type TcpIngestServer } from '../src/ingest/tcp-ingest-server';
import { startTestApi, event, type TestApi } from './test-app';

describe('hostile and broken input', () => {
  let api: TestApi;
  let baseUrl: string;
  let tcp: TcpIngestServer;

  beforeAll(async () => {
    api = await startTestApi({ INGEST_TCP_IDLE_SECONDS: '1', INGEST_TCP_MAX_CONNECTIONS: '200' });
    baseUrl = await api.app.listen({ port: 0, host: '127.0.0.1' });
    tcp = await startTcpIngest(api.ingest, api.config, pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await tcp.close();
    await api.close();
  });

  const ingest = (body: string | Buffer | Readable, headers: Record<string, string> = {}) =>
    request(`${baseUrl}/api/v1/ingest`, { method: 'POST', body, headers: { 'content-type': 'application/x-ndjson', ...headers } });

  async function stillServing(): Promise<void> {
    const response = await ingest(event(1, { producer_id: 'alive' }));
    expect(response.statusCode).toBe(200);
    expect(await response.body.json()).toMatchObject({ accepted: 1 });
  }

  it('answers 413 to a 100 MB body without reading it, and keeps serving', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const body = Readable.from((function* () { for (let i = 0; i < 100; i += 1) yield chunk; })());
    const response = await ingest(body, { 'content-length': String(100 * 1024 * 1024) }).catch((error: Error) => error);
    if (!(response instanceof Error)) {
      expect(response.statusCode).toBe(413);
      await response.body.dump();
    }
    await stillServing();
  });

  it('refuses a 10 MB single line by name, keeping the valid line beside it', async () => {
    const response = await ingest(`${event(2, { producer_id: 'big' })}\n{"message":"${'x'.repeat(10 * 1024 * 1024)}"}\n`);
    expect(response.statusCode).toBe(200);
    const answer = (await response.body.json()) as { accepted: number; errors: { line: number; reason: string }[] };
    expect(answer.accepted).toBe(1);
    expect(answer.errors).toEqual([{ line: 2, reason: expect.stringMatching(/^line is 10485\d+ bytes; the limit is 1048576$/) }]);
  });

  it('stores an escaped NUL in a message intact, and refuses a raw NUL byte as invalid JSON', async () => {
    const withNul = JSON.stringify({ ...JSON.parse(event(3)), producer_id: 'nul', message: 'a\u0000b' });
    const response = await ingest(Buffer.concat([Buffer.from(`${withNul}\n{"a":`), Buffer.from([0]), Buffer.from('}\n')]));
    expect(((await response.body.json()) as { errors: { line: number }[] }).errors.map((e) => e.line)).toEqual([2]);
    const rows = (await (await request(`${baseUrl}/api/v1/logs?producer_id=nul`)).body.json()) as { rows: { message: string }[] };
    expect(rows.rows[0].message).toBe('a\u0000b');
  });

  it('refuses a lone surrogate escape by line, and the events batched with it are stored', async () => {
    // ClickHouse refuses an insert holding "\ud800": accepted, the line would fail the whole
    // batch, other producers' events included, on every retry.
    const lone = event(4, { producer_id: 'surrogate' }).replace(/"message":"[^"]*"/, '"message":"half \\ud800 pair"');
    const array = `[${event(5, { producer_id: 'surrogate-array' })},{"timestamp":"2026-11-28T17:00:00Z","message":"m","source":"s","k\\udfff":"v"}]`;
    const [ndjson, json, neighbour] = await Promise.all([
      ingest(`${event(1, { producer_id: 'surrogate' })}\n${lone}\n`),
      ingest(array, { 'content-type': 'application/json' }),
      ingest(event(1, { producer_id: 'surrogate-neighbour' })),
    ]);
    const answers = (await Promise.all([ndjson, json, neighbour].map((r) => r.body.json()))) as { accepted: number; errors: { line: number; reason: string }[] }[];
    expect(answers.map((a) => a.accepted)).toEqual([1, 1, 1]);
    expect(answers[0].errors).toEqual([{ line: 2, reason: expect.stringContaining('invalid JSON: message holds a lone surrogate') }]);
    expect(answers[1].errors).toEqual([{ line: 2, reason: expect.stringContaining('invalid JSON: the name "k\\udfff" holds a lone surrogate') }]);
    const stored = (await (await request(`${baseUrl}/api/v1/logs?source=s&producer_id=surrogate&producer_id=surrogate-array&producer_id=surrogate-neighbour`)).body.json()) as { rows: unknown[] };
    expect(stored.rows).toHaveLength(0);
    const all = (await (await request(`${baseUrl}/api/v1/logs?producer_id=surrogate&producer_id=surrogate-array&producer_id=surrogate-neighbour`)).body.json()) as { rows: unknown[] };
    expect(all.rows).toHaveLength(3);
  });

  it('refuses 10,000 attributes and deep nesting per line', async () => {
    const attributes = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, 'v']));
    const many = JSON.stringify({ ...JSON.parse(event(4)), attributes });
    const deep = `{"timestamp":"${new Date().toISOString()}","level":"info","message":"m","source":"s","x":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const answer = (await (await ingest(`${many}\n${deep}\n${event(5)}`)).body.json()) as { accepted: number; errors: { reason: string }[] };
    expect(answer.accepted).toBe(1);
    expect(answer.errors.map((e) => e.reason)).toEqual(['more than 256 attributes', "attribute 'x' is nested too deeply to store"]);
  });

  it('survives a client that disconnects in the middle of a body', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(Number(new URL(baseUrl).port), '127.0.0.1', () => {
        socket.write('POST /api/v1/ingest HTTP/1.1\r\nhost: x\r\ncontent-type: application/x-ndjson\r\ncontent-length: 100000\r\n\r\n');
        socket.write(event(6, { producer_id: 'cut-off' }).slice(0, 40));
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
    });
    await stillServing();
    const stats = (await (await request(`${baseUrl}/api/v1/producers/cut-off`)).body.json()) as { stored: number };
    expect(stats.stored).toBe(0);
  });

  it('closes a slow-loris TCP client after the idle timeout while others are served', async () => {
    const slow = connect(tcp.port(), '127.0.0.1');
    slow.on('error', () => undefined);
    slow.write('{"timestamp":');
    const closed = new Promise((resolve) => slow.on('close', resolve));
    await closed;
    expect(slow.destroyed).toBe(true);
  });

  it('bounds concurrent TCP connections and keeps serving HTTP', async () => {
    const sockets: Socket[] = [];
    const closedEarly: number[] = [];
    await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        new Promise<void>((resolve) => {
          const socket = connect(tcp.port(), '127.0.0.1', () => resolve());
          socket.on('error', () => resolve());
          socket.on('close', () => {
            closedEarly.push(i);
            resolve();
          });
          sockets.push(socket);
        }),
      ),
    );
    // The connections past the cap are closed as the server accepts them, later on a busy machine.
    for (let waited = 0; closedEarly.length < 200 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closedEarly.length).toBeGreaterThanOrEqual(200);
    await stillServing();
    for (const socket of sockets) socket.destroy();
  });
});
