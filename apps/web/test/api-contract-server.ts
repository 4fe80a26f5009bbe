// A local HTTP server that answers with bodies of the api's contract (@logline/api-contract),
// records every query it receives, and can be told to fail, stall, or be absent. It keeps the
// web's sign-outs as the api does (/api/v1/web/session-ends), apart from the queries: every web
// replica reads that list in the background, whatever page is asked for.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import type * as Contract from '@logline/api-contract';

/** A success body of one of the routes the web calls. */
type ContractBody =
  | Contract.LogsPage
  | Contract.Histogram
  | Contract.Facets
  | Contract.LogContext
  | Contract.Audit
  | Contract.IngestErrors
  | Contract.Freshness
  | Contract.AlertList;

/** One answer for every path (a body meant for another route is what a broken api would send). */
type Answer = ({ readonly status: 200; readonly body: ContractBody } | { readonly status: number; readonly body: Contract.ErrorBody }) & {
  /** Wait this long before answering, to exercise the web server's timeout. */
  readonly delayMs?: number;
};

export interface ContractApi {
  readonly url: string;
  /** Every request received, in order, but those for the sign-out list. */
  readonly requests: URL[];
  /** The sign-outs recorded, as the api keeps them for every web replica. */
  readonly sessionEnds: Contract.SessionEnd[];
  /** The headers of each request, in the same order. */
  readonly headers: IncomingHttpHeaders[];
  answerWith(answer: Answer): void;
  /** Answers what the contract does not allow, as a broken or foreign server would. */
  answerOffContract(status: number, body: unknown): void;
  close(): Promise<void>;
}

export async function startContractApi(initial: Answer): Promise<ContractApi> {
  let answer: { status: number; body: unknown; delayMs?: number } = initial;
  const requests: URL[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const sessionEnds: Contract.SessionEnd[] = [];
  const server: Server = createServer((request, response) => {
    if (request.url === SESSION_ENDS_PATH) {
      answerSessionEnds(request, response, sessionEnds);
      return;
    }
    requests.push(new URL(request.url ?? '/', 'http://contract.test'));
    headers.push(request.headers);
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
    sessionEnds,
    headers,
    answerWith: (next) => {
      answer = next;
    },
    answerOffContract: (status, body) => {
      answer = { status, body };
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
  const server = createTcpServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${port}`;
}

export function logsPage(rows: Contract.StoredLogRow[], cursors: Partial<Omit<Contract.LogsPage, 'rows'>> = {}): Contract.LogsPage {
  return { rows, next_cursor: null, prev_cursor: null, ...cursors };
}

export function storedLog(overrides: Partial<Contract.StoredLogRow> = {}): Contract.StoredLogRow {
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
    pattern_id: '3f0c9a1be27d4c58',
    ingested_at: '2026-11-28T17:00:00.200Z',
    ...overrides,
  };
}

const SESSION_ENDS_PATH = '/api/v1/web/session-ends';

function answerSessionEnds(request: IncomingMessage, response: ServerResponse, sessionEnds: Contract.SessionEnd[]): void {
  if (request.method === 'GET') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ sessions: sessionEnds } satisfies Contract.SessionEnds));
    return;
  }
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    sessionEnds.push(JSON.parse(body) as Contract.SessionEnd);
    response.writeHead(204).end();
  });
}
