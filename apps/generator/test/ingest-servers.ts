/**
 * Real local servers on port 0 that answer like Logline's ingest, for the generator's tests:
 * an HTTP one (NDJSON in, `{"accepted","rejected","errors"}` out, any answer overridable per
 * request) and a TCP one that reads newline-delimited JSON.
 */
import { once } from 'node:events';
import { type IncomingMessage, createServer } from 'node:http';
import { type AddressInfo, type Socket, createServer as createTcpServer } from 'node:net';
import { normalizeEvent } from '@logline/log-schema';

export interface StoredEvent {
  producer_id: string;
  seq: number;
  [field: string]: unknown;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpIngest {
  url: string;
  /** Events answered 200, in arrival order. */
  stored: StoredEvent[];
  /** Every request: when it came, how it was answered, how many lines it held, its Authorization. */
  requests: { atMs: number; status: number; lines: number; contentType?: string; authorization?: string }[];
  close(): Promise<void>;
}

/**
 * May override the answer to request number `index` (from 0): a reply, 'hang' (never answer),
 * 'drop' (close the connection unanswered), or undefined to answer as the api does.
 */
export type ReplyRule = (index: number, events: StoredEvent[]) => Reply | 'hang' | 'drop' | undefined;

export async function startHttpIngest(rule: ReplyRule = () => undefined): Promise<HttpIngest> {
  const stored: StoredEvent[] = [];
  const requests: HttpIngest['requests'] = [];
  let hanging = 0;
  const server = createServer(async (request, response) => {
    const lines = (await readBody(request)).split('\n').filter((line) => line !== '');
    const events = lines.map((line) => JSON.parse(line) as StoredEvent);
    const index = requests.length + hanging;
    const override = rule(index, events);
    if (override === 'hang') {
      hanging += 1;
      return;
    }
    if (override === 'drop') {
      requests.push({ atMs: Date.now(), status: 0, lines: lines.length });
      request.socket.destroy();
      return;
    }
    const reply = override ?? answerAsTheApi(events, stored);
    requests.push({
      atMs: Date.now(),
      status: reply.status,
      lines: lines.length,
      contentType: request.headers['content-type'],
      authorization: request.headers.authorization,
    });
    response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    response.end(reply.body ?? '');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/ingest`,
    stored,
    requests,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Stores the events the shared normalisation accepts and reports the others, line by line. */
function answerAsTheApi(events: StoredEvent[], stored: StoredEvent[]): Reply {
  const errors: { line: number; reason: string }[] = [];
  events.forEach((event, index) => {
    const result = normalizeEvent(event);
    if (result.ok) stored.push(event);
    else errors.push({ line: index + 1, reason: result.reason });
  });
  return { status: 200, body: JSON.stringify({ accepted: events.length - errors.length, rejected: errors.length, errors }) };
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

export interface TcpIngest {
  url: string;
  /** Every line read, from every connection, but the token lines. */
  received: StoredEvent[];
  /** The token of each connection that began with a `{"token":"..."}` line, in order. */
  tokens: string[];
  connections: number;
  close(): Promise<void>;
}

/** With `resetFirstAfterLines`, the first connection is reset once it has sent that many lines. */
export async function startTcpIngest(options: { resetFirstAfterLines?: number } = {}): Promise<TcpIngest> {
  const received: StoredEvent[] = [];
  const tokens: string[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createTcpServer((socket) => {
    const number = (connections += 1);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffered = '';
    let lines = 0;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      const parts = (buffered + chunk).split('\n');
      buffered = parts.pop() ?? '';
      for (const part of parts) {
        const value = JSON.parse(part) as StoredEvent;
        if (lines === 0 && typeof value['token'] === 'string') tokens.push(value['token']);
        else received.push(value);
        lines += 1;
      }
      if (number === 1 && options.resetFirstAfterLines !== undefined && lines >= options.resetFirstAfterLines) {
        socket.resetAndDestroy();
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `tcp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    tokens,
    get connections() {
      return connections;
    },
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      server.close();
      await once(server, 'close');
    },
  };
}

/** The sorted distinct seqs of one producer's events. */
export function seqsOf(events: readonly StoredEvent[], producerId: string): number[] {
  return [...new Set(events.filter((event) => event.producer_id === producerId).map((event) => event.seq))].sort((a, b) => a - b);
}

export function range(count: number, from = 0): number[] {
  return Array.from({ length: count }, (_, index) => from + index);
}
