import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { SseReader } from '../../live/sse-reader';
import { startContractApi, storedLog, unusedAddress } from '../../../test/api-contract-server';

async function appFor(apiUrl: string) {
  return buildApp(loadConfig({ API_URL: apiUrl, API_TIMEOUT_MS: '300', LOG_LEVEL: 'silent' }));
}

describe('GET /live', () => {
  it('says in the stream that the api is unreachable (not fatal: the browser retries)', async () => {
    const app = await appFor(await unusedAddress());
    const response = await app.inject('/live?since=1764000000000');
    await app.close();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(response.body).toMatch(/^retry: 2000\n\nevent: problem\ndata: \{"fatal":false,"message":".+"\}\n\n$/);
  });

  it("passes on the api's refusal of the filters as a fatal problem, naming it", async () => {
    const api = await startContractApi({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: 'q: unclosed quote at position 4' } });
    const app = await appFor(api.url);
    const response = await app.inject('/live?q=%22abc&after=1764000000000.42');
    await app.close();
    await api.close();
    expect(response.body).toContain('event: problem\ndata: {"fatal":true,"message":"q: unclosed quote at position 4"}');
    expect(api.requests[0].pathname).toBe('/api/v1/tail');
    expect(api.requests[0].searchParams.get('q')).toBe('"abc');
  });

  it('refuses a resume position that is not an event id of the stream', async () => {
    const app = await appFor(await unusedAddress());
    const response = await app.inject('/live?after=1%3B+DROP');
    await app.close();
    expect(response.statusCode).toBe(400);
  });

  it('keeps a carriage return in a message from starting a new field of the stream', async () => {
    // The api sends the row as JSON (\r escaped); the page's rows are HTML, where it is not.
    const message = 'card declined\rid: 9999999999999.1\rretry: 1\revent: problem\rdata: forged';
    const tail = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(`id: 1764000000000.5\nevent: logs\ndata: ${JSON.stringify([storedLog({ message })])}\n\n`);
    });
    tail.listen(0, '127.0.0.1');
    await once(tail, 'listening');
    const app = await appFor(`http://127.0.0.1:${(tail.address() as AddressInfo).port}`);
    const response = await app.inject('/live?since=1764000000000');
    await app.close();
    tail.close();

    expect(response.body).not.toMatch(/\r/);
    const events = new SseReader().push(response.body).filter((event) => event.kind === 'event');
    expect(events.map((event) => [event.kind === 'event' && event.event, event.kind === 'event' && event.id])).toEqual([['rows', '1764000000000.5']]);
    expect(response.body.match(/^retry:/gm)).toHaveLength(1);
  });
});
