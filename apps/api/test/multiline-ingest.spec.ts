/**
 * Stack traces sent line by line over real sockets: NDJSON over TCP and syslog over TCP join the
 * lines of one exception into one event, per stream, before the processing rules see it; a quiet
 * stream completes its event after MULTILINE_FLUSH_MS, a closing connection at once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startSyslog, type SyslogServer } from '../src/ingest/syslog/syslog-server';
import { startTcpIngest, type TcpIngestServer } from '../src/ingest/tcp-ingest-server';
import { BASE_TIME_MS, event, startTestApi, type TestApi } from './test-app';

const TRACE = [
  'java.lang.IllegalStateException: cart 42 is locked',
  '\tat com.acme.shop.cart.CartService.load(CartService.java:88)',
  'Caused by: java.sql.SQLException: Lock wait timeout exceeded',
  '\t... 52 more',
];
const FLUSH_MS = 300;

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

function close(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    socket.on('close', () => resolve());
    socket.end();
  });
}

/** An NDJSON event as a line-by-line shipper sends it: no producer seq, the line as message. */
function shipped(source: string, message: string, seconds = 0): string {
  return JSON.stringify({ timestamp: new Date(BASE_TIME_MS + seconds * 1000).toISOString(), level: 'error', source, host: 'web-1', message });
}

describe('multi-line events over TCP and syslog', () => {
  const folder = mkdtempSync(join(tmpdir(), 'logline-multiline-'));
  let api: TestApi;
  let tcp: TcpIngestServer;
  let syslog: SyslogServer;

  beforeAll(async () => {
    const rules = join(folder, 'rules.yaml');
    // A rule that reads the joined message: the rules run on whole events.
    writeFileSync(rules, "rules:\n  - name: exception-name\n    parse: { regex: '\\n(?P<exception>[\\w.]+Exception):' }\n");
    api = await startTestApi({ MULTILINE_FLUSH_MS: String(FLUSH_MS), PROCESSING_RULES_FILE: rules, SYSLOG_PORT: '0' });
    const log = pino({ level: 'silent' });
    tcp = await startTcpIngest(api.ingest, api.config, log);
    syslog = await startSyslog(api.ingest, api.config, api.app.metrics, log);
  });
  afterAll(async () => {
    await Promise.all([tcp.close(), syslog.close()]);
    await api.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function messagesOf(source: string): Promise<Array<{ message: string; attributes: Record<string, string> }>> {
    const rows = (await api.app.inject({ url: `/api/v1/logs?source=${source}&order=asc&limit=100` })).json().rows;
    return rows.map(({ message, attributes }: { message: string; attributes: Record<string, string> }) => ({ message, attributes }));
  }

  async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = await read();
    while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      last = await read();
    }
    expect(last).toEqual(expected);
  }

  it('joins an NDJSON stack trace per stream, keeping interleaved sources and sequenced events apart', async () => {
    const socket = await open(tcp.port());
    const lines = [
      shipped('shop', 'Request failed: GET /cart/42'),
      shipped('shop', TRACE[0]),
      shipped('billing', 'invoice 7 sent'),
      ...TRACE.slice(1).map((line) => shipped('shop', line)),
      // A sequenced producer's events are whole, however they read.
      event(1, { producer_id: 'seq-tcp', source: 'shop', message: '\tat an.indented.Message(M.java:1)' }),
      shipped('shop', 'GET /cart/43 200', 2),
    ];
    socket.write(`${lines.join('\n')}\n`);
    await close(socket);
    await eventually(() => messagesOf('shop'), [
      { message: ['Request failed: GET /cart/42', ...TRACE].join('\n'), attributes: { exception: 'java.lang.IllegalStateException' } },
      { message: '\tat an.indented.Message(M.java:1)', attributes: {} },
      { message: 'GET /cart/43 200', attributes: {} },
    ]);
    expect(await messagesOf('billing')).toEqual([{ message: 'invoice 7 sent', attributes: {} }]);
  });

  it('completes a waiting event once its stream has been quiet for the flush time, the connection still open', async () => {
    const socket = await open(tcp.port());
    socket.write(`${[shipped('quiet', 'Request failed: GET /cart/44'), ...TRACE.map((line) => shipped('quiet', line))].join('\n')}\n`);
    const sentMs = Date.now();
    await eventually(() => messagesOf('quiet'), [{ message: ['Request failed: GET /cart/44', ...TRACE].join('\n'), attributes: { exception: 'java.lang.IllegalStateException' } }]);
    expect(Date.now() - sentMs).toBeGreaterThanOrEqual(FLUSH_MS);
    await close(socket);
  });

  it('joins a stack trace sent as one syslog message per line', async () => {
    const socket = await open(syslog.port());
    const frame = (text: string) => `<11>1 ${new Date(BASE_TIME_MS).toISOString()} web-2 shop-java 4242 - - ${text}\n`;
    socket.write(['Request failed: GET /cart/45', ...TRACE].map(frame).join(''));
    await close(socket);
    const joined = ['Request failed: GET /cart/45', ...TRACE].join('\n');
    await eventually(async () => (await messagesOf('shop-java')).map((row) => row.message), [joined]);
    expect((await messagesOf('shop-java'))[0].attributes).toMatchObject({ exception: 'java.lang.IllegalStateException' });
  });
});
