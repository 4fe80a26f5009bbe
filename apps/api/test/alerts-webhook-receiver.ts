/** A real local HTTP server on port 0 standing in for webhook receivers (one per path). */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  body: unknown;
  contentType?: string;
  /** What the server answered. */
  status: number;
}

export interface WebhookReceiver {
  url(path: string): string;
  requests: ReceivedRequest[];
  /** Bodies of the requests to `path` that were answered 2xx. */
  delivered(path: string): unknown[];
  /** Resolves once `path` has had `count` requests. */
  waitFor(path: string, count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** `answer(path, n)` is the status for the n-th request (from 0) to a path; default 200. */
export async function startWebhookReceiver(answer: (path: string, n: number) => number = () => 200): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer(async (request, response) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    const path = request.url ?? '/';
    const status = answer(path, requests.filter((received) => received.path === path).length);
    requests.push({ path, body: JSON.parse(text), contentType: request.headers['content-type'], status });
    response.writeHead(status).end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const to = (path: string) => requests.filter((received) => received.path === path);
  return {
    url: (path) => `${origin}${path}`,
    requests,
    delivered: (path) => to(path).filter((received) => received.status < 300).map((received) => received.body),
    waitFor: async (path, count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (to(path).length < count) {
        if (Date.now() > deadline) throw new Error(`${path} got ${to(path).length} of ${count} requests in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return to(path);
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
