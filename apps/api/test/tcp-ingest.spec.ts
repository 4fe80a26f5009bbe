import { connect } from 'node:net';
import pino from 'pino';
import { startTcpIngest, type TcpIngestServer } from '../src/ingest/tcp-ingest-server';
import { startTestApi, event, type TestApi } from './test-app';

function send(port: number, payload: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(payload));
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

async function countProducer(api: TestApi, producer: string): Promise<number> {
  return (await api.app.inject({ url: `/api/v1/producers/${producer}` })).json().stored;
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('TCP ingest', () => {
  let api: TestApi;
  let tcp: TcpIngestServer;
  beforeAll(async () => {
    api = await startTestApi({ INGEST_MAX_LINE_BYTES: '2048', INGEST_MAX_ERRORS_KEPT: '50' });
    tcp = await startTcpIngest(api.ingest, api.config, pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await tcp.close();
    await api.close();
  });

  it('stores every line read before a clean close within a second, in chunks split anywhere', async () => {
    const lines = Array.from({ length: 2500 }, (_, seq) => event(seq, { producer_id: 'tcp-a' })).join('\n');
    await new Promise<void>((resolve) => {
      const socket = connect(tcp.port(), '127.0.0.1', () => {
        for (let i = 0; i < lines.length; i += 777) socket.write(lines.slice(i, i + 777));
        socket.end();
      });
      socket.on('close', () => resolve());
    });
    await eventually(async () => (await countProducer(api, 'tcp-a')) === 2500);
  });

  it('skips a bad or over-long line, records it, and keeps the rest of the stream', async () => {
    const payload = [event(0, { producer_id: 'tcp-b' }), 'x'.repeat(5000), '{oops', event(1, { producer_id: 'tcp-b' })].join('\n');
    await send(tcp.port(), payload);
    await eventually(async () => (await countProducer(api, 'tcp-b')) === 2);
    await eventually(async () => {
      const result = await api.storage.reader.query({
        query: "SELECT line, code FROM logs.ingest_errors WHERE transport = 'tcp' ORDER BY line",
        format: 'JSONEachRow',
      });
      const rows = await result.json();
      return JSON.stringify(rows) === JSON.stringify([{ line: 2, code: 'too_large' }, { line: 3, code: 'invalid_json' }]);
    }, 2000);
  });

  it('keeps details for the first refusals of a connection and one summary for the rest', async () => {
    const socket = connect(tcp.port(), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const local = `127.0.0.1:${socket.localPort}`;
    // Written in several chunks, so the connection stores its refusals more than once.
    for (let chunk = 0; chunk < 6; chunk += 1) {
      socket.write('[1]\n'.repeat(50));
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    socket.end(`${event(0, { producer_id: 'tcp-garbage' })}\n`);
    await new Promise((resolve) => socket.once('close', resolve));
    await eventually(async () => (await countProducer(api, 'tcp-garbage')) === 1);
    await eventually(async () => {
      const result = await api.storage.reader.query({
        query: 'SELECT code, count() AS n, min(line) AS first FROM logs.ingest_errors WHERE peer = {peer:String} GROUP BY code ORDER BY code',
        query_params: { peer: local },
        format: 'JSONEachRow',
      });
      const rows = (await result.json<{ code: string; n: string; first: number }>()).map(({ code, n, first }) => [code, Number(n), first]);
      return JSON.stringify(rows) === JSON.stringify([['more_rejections', 1, 51], ['not_an_object', 50, 1]]);
    }, 3000);
  });

  it('closes connections from one address beyond INGEST_TCP_MAX_CONNECTIONS_PER_ADDRESS', async () => {
    const capped = await startTcpIngest(api.ingest, { ...api.config, ingest: { ...api.config.ingest, tcpMaxConnectionsPerAddress: 3 } }, pino({ level: 'silent' }));
    const closed: number[] = [];
    const sockets = Array.from({ length: 5 }, (_, index) => {
      const socket = connect(capped.port(), '127.0.0.1');
      socket.on('error', () => undefined);
      socket.on('close', () => closed.push(index));
      return socket;
    });
    await eventually(async () => closed.length === 2, 3000);
    sockets.forEach((socket) => socket.destroy());
    await capped.close();
  });
});
