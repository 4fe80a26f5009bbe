import { request } from 'undici';
import { startTestApi, event, type TestApi } from './test-app';

interface SseEvent {
  id: string;
  rows: { seq: number; producer_id: string }[];
}

/** Opens the SSE stream over real HTTP and collects `logs` events. */
async function openTail(baseUrl: string, query: string, lastEventId?: string) {
  const controller = new AbortController();
  const response = await request(`${baseUrl}/api/v1/tail?${query}`, {
    signal: controller.signal,
    headers: lastEventId ? { 'last-event-id': lastEventId } : {},
  });
  expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
  const events: SseEvent[] = [];
  let buffer = '';
  const reading = (async () => {
    try {
      for await (const chunk of response.body) {
        buffer += chunk.toString();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = /^id: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (id && data) events.push({ id, rows: JSON.parse(data) });
        }
      }
    } catch {
      // aborted by the test
    }
  })();
  return {
    events,
    seqs: () => events.flatMap((e) => e.rows.map((row) => row.seq)),
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('GET /api/v1/tail (server-sent events)', () => {
  let api: TestApi;
  let baseUrl: string;
  const ingest = (from: number, count: number, producer: string) =>
    api.app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: Array.from({ length: count }, (_, i) => event(from + i, { producer_id: producer, timestamp: new Date().toISOString() })).join('\n'),
    });

  beforeAll(async () => {
    api = await startTestApi({ TAIL_POLL_MS: '50', TAIL_SAFETY_MS: '100' });
    baseUrl = await api.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => api.close());

  it('streams every new matching row exactly once while several producers write at once', async () => {
    const tail = await openTail(baseUrl, 'source=auth');
    const viewers = await Promise.all([openTail(baseUrl, 'source=auth'), openTail(baseUrl, 'source=auth')]);
    expect(api.app.tail.pollerCount).toBe(1);
    await Promise.all(Array.from({ length: 20 }, (_, k) => ingest(k * 50, 50, `tail-${k % 4}`)));
    await ingest(0, 5, 'other-source-ignored').then(() => undefined);
    await until(() => tail.seqs().length >= 1000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const keys = tail.events.flatMap((e) => e.rows.map((row) => `${row.producer_id}:${row.seq}`));
    expect(keys.filter((key) => key.startsWith('tail-'))).toHaveLength(1000);
    expect(new Set(keys).size).toBe(keys.length);
    await Promise.all([tail, ...viewers].map((viewer) => viewer.close()));
  });

  it('resumes from Last-Event-ID without gaps or repeats', async () => {
    const first = await openTail(baseUrl, 'producer_id=resume');
    await ingest(0, 10, 'resume');
    await until(() => first.seqs().length === 10);
    const lastId = first.events[first.events.length - 1].id;
    await first.close();
    await ingest(10, 10, 'resume');
    const resumed = await openTail(baseUrl, 'producer_id=resume', lastId);
    await ingest(20, 10, 'resume');
    await until(() => resumed.seqs().length >= 20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(resumed.seqs().sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 10));
    await resumed.close();
  });

  it('refuses a malformed Last-Event-ID', async () => {
    const response = await api.app.inject({ url: '/api/v1/tail', headers: { 'last-event-id': 'x' } });
    expect(response.statusCode).toBe(400);
  });
});
