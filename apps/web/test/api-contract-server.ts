// A local HTTP server that answers with bodies of the api's contract (@logline/api-contract),
// records every query it receives, and can be told to fail, stall, or be absent. It keeps the
// web's sign-outs as the api does (/api/v1/web/session-ends), apart from the queries: every web
// replica reads that list in the background, whatever page is asked for. The shared budgets
// (/api/v1/web/sign-in-attempts, sign-ins, rate-limit-hits) answer as a fresh api does (every
// attempt may go ahead, no other replica counted anything) unless told to pause sign-ins; the
// budgets themselves are tested against the real engine in the api and ch-client.
import { randomUUID } from 'node:crypto';
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
  /** Answers every sign-in attempt as paused for `ms` (0: go ahead). */
  pauseSignIns(ms: number): void;
  /** Holds every sign-in attempt's answer until the function returned is called. */
  holdSignIns(): () => void;
  /** The sign-in attempts counted, as the web sent them. */
  readonly signInAttempts: Contract.SignInAttemptRequest[];
  close(): Promise<void>;
}

export async function startContractApi(initial: Answer): Promise<ContractApi> {
  let answer: { status: number; body: unknown; delayMs?: number } = initial;
  const requests: URL[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const sessionEnds: Contract.SessionEnd[] = [];
  const budgets: Budgets = { pauseMs: 0, signInAttempts: [], held: undefined };
  const server: Server = createServer((request, response) => {
    if (request.url === SESSION_ENDS_PATH) {
      answerSessionEnds(request, response, sessionEnds);
      return;
    }
    if (request.url?.startsWith(WEB_BUDGETS_PATH)) {
      answerBudgets(request, response, budgets);
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
    pauseSignIns: (ms) => {
      budgets.pauseMs = ms;
    },
    holdSignIns: () => {
      const held: (() => void)[] = [];
      budgets.held = held;
      return () => {
        budgets.held = undefined;
        for (const answer of held) answer();
      };
    },
    signInAttempts: budgets.signInAttempts,
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
const WEB_BUDGETS_PATH = '/api/v1/web/';

interface Budgets {
  pauseMs: number;
  readonly signInAttempts: Contract.SignInAttemptRequest[];
  /** Answers waiting for holdSignIns' release, while it holds them. */
  held: (() => void)[] | undefined;
}

function answerBudgets(request: IncomingMessage, response: ServerResponse, budgets: Budgets): void {
  readBody(request, (body) => {
    const reply = (status: number, answer?: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(answer === undefined ? undefined : JSON.stringify(answer));
    };
    if (request.url === '/api/v1/web/sign-in-attempts') {
      budgets.signInAttempts.push(body as Contract.SignInAttemptRequest);
      const start: Contract.SignInStart = budgets.pauseMs > 0 ? { attempt: null, retry_after_ms: budgets.pauseMs } : { attempt: randomUUID(), retry_after_ms: 0 };
      if (budgets.held) budgets.held.push(() => reply(200, start));
      else reply(200, start);
    } else if (request.url === '/api/v1/web/sign-in-attempts/wait') reply(200, { retry_after_ms: budgets.pauseMs } satisfies Contract.SignInWait);
    else if (request.url === '/api/v1/web/sign-ins') reply(204);
    else if (request.url === '/api/v1/web/rate-limit-hits') reply(200, { hits: [] } satisfies Contract.RateLimitTotals);
    else reply(404, { message: `no route ${request.url}` });
  });
}

function readBody(request: IncomingMessage, then: (body: unknown) => void): void {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => then(body === '' ? undefined : JSON.parse(body)));
}

function answerSessionEnds(request: IncomingMessage, response: ServerResponse, sessionEnds: Contract.SessionEnd[]): void {
  if (request.method === 'GET') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ sessions: sessionEnds } satisfies Contract.SessionEnds));
    return;
  }
  readBody(request, (body) => {
    sessionEnds.push(body as Contract.SessionEnd);
    response.writeHead(204).end();
  });
}
