import { request } from 'undici';
import { derivePattern } from '@logline/log-patterns';
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

  const ingestLines = (lines: string[]) =>
    api.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': 'application/x-ndjson' }, payload: lines.join('\n') });
  const countStored = async (producer: string) => {
    const result = await api.storage.reader.query({ query: `SELECT count() AS n FROM logs.application_logs WHERE producer_id = '${producer}'`, format: 'JSONEachRow' });
    return Number((await result.json<{ n: string }>())[0].n);
  };
  const setPartsToThrow = (parts: number) =>
    api.storage.writer.command({ query: `ALTER TABLE logs.application_logs MODIFY SETTING parts_to_throw_insert = ${parts}` });

  beforeAll(async () => {
    api = await startTestApi({ TAIL_POLL_MS: '50', TAIL_SAFETY_MS: '100' });
    baseUrl = await api.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => api.close());

  it('streams every new matching row exactly once while several producers write at once', async () => {
    const tail = await openTail(baseUrl, 'source=auth');
    const viewers = await Promise.all([openTail(baseUrl, 'source=auth'), openTail(baseUrl, 'source=auth')]);
    expect(api.app.tail.feedCount).toBe(1);
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

  it('streams none of the hidden patterns', async () => {
    const hidden = derivePattern('event number 1').patternId;
    const tail = await openTail(baseUrl, `producer_id=patterned&exclude_pattern_id=${hidden}`);
    const now = new Date().toISOString();
    const lines = [event(0, { producer_id: 'patterned', timestamp: now, message: 'cache warmed in 3 ms' }), event(1, { producer_id: 'patterned', timestamp: now })];
    await api.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': 'application/x-ndjson' }, payload: lines.join('\n') });
    await until(() => tail.seqs().length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tail.seqs()).toEqual([0]);
    await tail.close();
  });

  it('streams the events of a listed pattern by `pattern:`, new members of the group included', async () => {
    const failed = (user: string, seq: number) => event(seq, { producer_id: 'by-pattern', timestamp: new Date().toISOString(), message: `Failed password for ${user} from 10.0.0.${seq} port 22 ssh2` });
    await ingestLines([failed('root', 0), failed('admin', 1)]);
    const range = `from=${new Date(Date.now() - 60_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`;
    const [listed] = (await api.app.inject({ url: `/api/v1/patterns?${range}&producer_id=by-pattern` })).json().patterns;
    expect(listed.template).toBe('Failed password for <*> from <*> port <*> ssh2');
    const tail = await openTail(baseUrl, `producer_id=by-pattern&q=${encodeURIComponent(`pattern:${listed.pattern_id}`)}`);
    const hiding = await openTail(baseUrl, `producer_id=by-pattern&q=${encodeURIComponent(`-pattern:${listed.pattern_id}`)}`);
    // 'guest' is a stored template the listing never saw: the pattern's template covers it.
    await ingestLines([failed('guest', 2), event(3, { producer_id: 'by-pattern', timestamp: new Date().toISOString(), message: 'cache warmed in 3 ms' }), failed('root', 4)]);
    await until(() => tail.seqs().length >= 2 && hiding.seqs().length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect([...tail.seqs()].sort((a, b) => a - b)).toEqual([2, 4]);
    expect(hiding.seqs()).toEqual([3]);
    await Promise.all([tail.close(), hiding.close()]);
  });

  it('pushes a text-filtered tail, read from the table as each insert settles, once and complete', async () => {
    const tail = await openTail(baseUrl, 'q=zebra&producer_id=words');
    const lines = Array.from({ length: 40 }, (_, seq) =>
      event(seq, { producer_id: 'words', timestamp: new Date().toISOString(), message: seq % 3 === 0 ? `a zebra crossed (${seq})` : `a horse (${seq})` }),
    );
    for (let batch = 0; batch < 4; batch += 1) await ingestLines(lines.slice(batch * 10, batch * 10 + 10));
    const wanted = Array.from({ length: 40 }, (_, seq) => seq).filter((seq) => seq % 3 === 0);
    await until(() => tail.seqs().length >= wanted.length);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([...tail.seqs()].sort((a, b) => a - b)).toEqual(wanted);
    await tail.close();
  });

  it('misses and repeats nothing across an insert the engine refused', async () => {
    const tail = await openTail(baseUrl, 'producer_id=refused');
    const today = (seq: number) => event(seq, { producer_id: 'refused', timestamp: new Date().toISOString() });
    await ingestLines(Array.from({ length: 10 }, (_, seq) => today(seq)));
    await until(() => tail.seqs().length >= 10);
    // A table over its parts limit (ClickHouse's TOO_MANY_PARTS) refuses the insert.
    const retried = Array.from({ length: 10 }, (_, k) => today(10 + k));
    await setPartsToThrow(1);
    try {
      expect((await ingestLines(retried)).statusCode).toBeGreaterThanOrEqual(500);
    } finally {
      await setPartsToThrow(3000);
    }
    expect(await countStored('refused')).toBe(10);
    // The producer retries the refused request: nothing is stored twice, nothing shown twice.
    expect((await ingestLines(retried)).statusCode).toBe(200);
    await until(() => tail.seqs().length >= 20);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([...tail.seqs()].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, seq) => seq));
    expect(await countStored('refused')).toBe(20);
    await tail.close();
  });

  it('resumes across a restart of the api without gaps or repeats', async () => {
    const first = await openTail(baseUrl, 'producer_id=restart');
    await ingest(0, 10, 'restart');
    await until(() => first.seqs().length === 10);
    const lastId = first.events[first.events.length - 1].id;
    await first.close();
    await ingest(10, 5, 'restart');
    await api.close();
    api = await startTestApi({}, undefined, { restart: true });
    baseUrl = await api.app.listen({ port: 0, host: '127.0.0.1' });
    await ingest(15, 5, 'restart');
    const resumed = await openTail(baseUrl, 'producer_id=restart', lastId);
    await ingest(20, 5, 'restart');
    await until(() => resumed.seqs().length >= 15);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([...resumed.seqs()].sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 10));
    await resumed.close();
  });

  it('refuses a malformed Last-Event-ID', async () => {
    const response = await api.app.inject({ url: '/api/v1/tail', headers: { 'last-event-id': 'x' } });
    expect(response.statusCode).toBe(400);
  });
});

describe('GET /api/v1/tail bounds', () => {
  let api: TestApi;
  let baseUrl: string;
  const ingestRows = async (count: number, producer: string) => {
    for (let from = 0; from < count; from += 5000) {
      const lines = Array.from({ length: Math.min(5000, count - from) }, (_, i) => event(from + i, { producer_id: producer, timestamp: new Date().toISOString() }));
      const response = await api.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': 'application/x-ndjson' }, payload: lines.join('\n') });
      expect(response.json()).toMatchObject({ accepted: lines.length });
    }
  };

  beforeAll(async () => {
    api = await startTestApi({ TAIL_POLL_MS: '50', TAIL_SAFETY_MS: '100', TAIL_CATCH_UP_ROWS: '3000', TAIL_MAX_VIEWERS: '3' });
    baseUrl = await api.app.listen({ port: 0, host: '127.0.0.1' });
    await ingestRows(12_000, 'backlog');
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
  afterAll(() => api.close());

  it('lets go of a viewer that leaves during its catch-up: no poller or timer is left behind', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const controller = new AbortController();
      const response = await request(`${baseUrl}/api/v1/tail?producer_id=backlog`, { signal: controller.signal, headers: { 'last-event-id': '1.0' } });
      expect(response.statusCode).toBe(200);
      controller.abort();
      await response.body.dump().catch(() => undefined);
    }
    await until(() => api.app.tail.viewers === 0 && api.app.tail.feedCount === 0);
  });

  it('catches up at most TAIL_CATCH_UP_ROWS rows from an old resume point, then says what it skipped', async () => {
    const stream = await openRawTail(baseUrl, 'producer_id=backlog', '0.0');
    await until(() => stream.text().includes('event: gap'));
    const rows = [...stream.text().matchAll(/^data: (\[.*\])$/gm)].flatMap(([, data]) => JSON.parse(data) as unknown[]);
    expect(rows.length).toBeLessThanOrEqual(3000);
    const gap = JSON.parse(/event: gap\ndata: (.*)\n/.exec(stream.text())?.[1] ?? '{}');
    expect(gap.skipped).toEqual(['events stored more than 300 s before the resume point', 'events beyond the first 3000 to catch up on']);
    await stream.close();
    await until(() => api.app.tail.viewers === 0);
  });

  it('refuses viewers beyond TAIL_MAX_VIEWERS with 503, and takes them again once one leaves', async () => {
    const open = await Promise.all([1, 2, 3].map(() => openRawTail(baseUrl, 'level=ERROR')));
    const refused = await request(`${baseUrl}/api/v1/tail?level=ERROR`);
    expect(refused.statusCode).toBe(503);
    expect((await refused.body.json()) as { message: string }).toMatchObject({ message: expect.stringMatching(/TAIL_MAX_VIEWERS/) });
    await open[0].close();
    await until(() => api.app.tail.viewers === 2);
    const again = await openRawTail(baseUrl, 'level=ERROR');
    await Promise.all([again, ...open.slice(1)].map((stream) => stream.close()));
    await until(() => api.app.tail.viewers === 0 && api.app.tail.feedCount === 0);
  });
});

/** An SSE stream read as raw text. */
async function openRawTail(baseUrl: string, query: string, lastEventId?: string) {
  const controller = new AbortController();
  const response = await request(`${baseUrl}/api/v1/tail?${query}`, { signal: controller.signal, headers: lastEventId ? { 'last-event-id': lastEventId } : {} });
  expect(response.statusCode).toBe(200);
  let text = '';
  const reading = (async () => {
    try {
      for await (const chunk of response.body) text += chunk.toString();
    } catch {
      // aborted by the test
    }
  })();
  return {
    text: () => text,
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}
