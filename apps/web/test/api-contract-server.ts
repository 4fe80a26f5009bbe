// A local HTTP server that answers the way the api's contract says (GET /api/v1/logs), records
// every query it receives, and can be told to fail, stall, or be absent.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  /** Wait this long before answering, to exercise the web server's timeout. */
  readonly delayMs?: number;
}

export interface ContractApi {
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: URL[];
  answerWith(answer: Answer): void;
  close(): Promise<void>;
}

export async function startContractApi(initial: Answer): Promise<ContractApi> {
  let answer = initial;
  const requests: URL[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(new URL(request.url ?? '/', 'http://contract.test'));
    const { status, body, delayMs = 0 } = answer;
    setTimeout(() => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    }, delayMs).unref();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answerWith: (next) => {
      answer = next;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** An address where nothing listens: a server is started, its port noted, and it is closed. */
export async function unusedAddress(): Promise<string> {
  const api = await startContractApi({ status: 200, body: {} });
  await api.close();
  return api.url;
}

export function storedLog(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'r1',
    timestamp: '2026-11-28T17:00:00.123Z',
    log_level: 'ERROR',
    message: 'payment declined: card expired',
    source: 'payment',
    host: 'h1',
    producer_id: 'p1',
    seq: 12,
    attributes: { region: 'eu-west-1' },
    trace_id: '',
    span_id: '',
    ingested_at: '2026-11-28T17:00:00.200Z',
    ...overrides,
  };
}
