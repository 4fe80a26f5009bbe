import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { logsPage, startContractApi, storedLog, unusedAddress, type ContractApi } from '../../../test/api-contract-server';

type App = Awaited<ReturnType<typeof buildApp>>;

const HOSTILE = '<img src=x onerror=alert(1)> {{x}}';

function appFor(apiUrl: string): Promise<App> {
  return buildApp(loadConfig({ API_URL: apiUrl, API_TIMEOUT_MS: '300', LOG_LEVEL: 'silent' }));
}

function headerCells(html: string): string[] {
  const head = /<table id="logs"[\s\S]*?<thead>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '';
  return [...head.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((match) => match[1].replace(/<[^>]*>/g, '').trim());
}

function bodyRows(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr [\s\S]*?<\/tr>/g)].map((match) => match[0]);
}

function decodeHref(href: string): URL {
  return new URL(href.replaceAll('&amp;', '&').replaceAll('&#x3D;', '='), 'http://web.test');
}

describe('GET / against an api that honours the contract', () => {
  let api: ContractApi;
  let app: App;

  beforeAll(async () => {
    api = await startContractApi({ status: 200, body: logsPage([]) });
    app = await appFor(api.url);
  });
  afterAll(async () => {
    await app.close();
    await api.close();
  });
  beforeEach(() => {
    api.requests.length = 0;
  });

  it('shows the latest logs in table#logs with the four columns, newest first', async () => {
    const rows = [
      storedLog({ timestamp: '2026-11-28T17:00:02.500Z', log_level: 'WARNING', seq: 13 }),
      storedLog({ timestamp: '2026-11-28T17:00:01.007Z', log_level: 'ERROR', seq: 12 }),
    ];
    api.answerWith({ status: 200, body: logsPage(rows) });

    const response = await app.inject('/');

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(headerCells(response.body)).toEqual(['Timestamp ▼', 'Level', 'Source', 'Message']);
    const printed = bodyRows(response.body);
    expect(printed).toHaveLength(2);
    expect(printed[0]).toContain('2026-11-28 17:00:02.500');
    expect(printed[0]).toContain('<span class="badge badge-warning">WARNING</span>');
    expect(printed[1]).toContain('2026-11-28 17:00:01.007');
    expect(printed[1]).toContain('data-seq="12"');
    expect(response.body).toContain('2 rows');
    expect(api.requests[0].pathname).toBe('/api/v1/logs');
    expect(api.requests[0].searchParams.get('limit')).toBe('100');
    expect(api.requests[0].searchParams.get('order')).toBe('desc');
  });

  it('relays every filter to the api unchanged', async () => {
    const query =
      'level=ERROR&level=WARNING&source=auth&source=payment&producer_id=p1&q=disk+full&from=15m' +
      '&to=2026-11-28T18%3A00%3A00.000Z&limit=50&order=asc&cursor=opaque%2Fcursor%3D%3D';

    const response = await app.inject(`/?${query}`);

    expect(response.statusCode).toBe(200);
    const received = api.requests[0].searchParams;
    expect([...received.entries()].sort()).toEqual([...new URLSearchParams(query).entries()].sort());
  });

  it('relays level aliases as level names and checks their boxes', async () => {
    const response = await app.inject('/?level=warn&level=fatal');

    expect(api.requests[0].searchParams.getAll('level')).toEqual(['WARNING', 'CRITICAL']);
    expect(response.body).toMatch(/name="level" value="WARNING" checked/);
    expect(response.body).toMatch(/name="level" value="CRITICAL" checked/);
  });

  it('splits a comma-separated source box and drops the blank fields a form submits', async () => {
    await app.inject('/?q=&source=auth%2C+payment&from=all&limit=100&order=desc&live=1');

    const received = api.requests[0].searchParams;
    expect(received.getAll('source')).toEqual(['auth', 'payment']);
    expect(received.has('q')).toBe(false);
    expect(received.has('from')).toBe(false);
    expect(received.has('live')).toBe(false);
  });

  it('escapes hostile message text and never evaluates it as a template', async () => {
    api.answerWith({ status: 200, body: logsPage([storedLog({ message: HOSTILE, source: '"><b>x</b>' })]) });

    const response = await app.inject('/');

    expect(response.body).not.toContain('<img src=x');
    expect(response.body).not.toContain('<b>x</b>');
    expect(response.body).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; {{x}}');
  });

  it('links to the next page with the cursor and every filter kept', async () => {
    api.answerWith({ status: 200, body: logsPage([storedLog()], { next_cursor: 'next/page==' }) });

    const response = await app.inject('/?level=ERROR&source=auth&q=timeout&from=1h');

    const href = /<a id="next-page"[^>]*href="([^"]+)"/.exec(response.body)?.[1];
    expect(href).toBeDefined();
    const next = decodeHref(href as string);
    expect(next.pathname).toBe('/');
    expect(Object.fromEntries(next.searchParams)).toEqual({
      level: 'ERROR', source: 'auth', q: 'timeout', from: '1h', limit: '100', order: 'desc', cursor: 'next/page==',
    });
    expect(response.body).toContain('Older →');
  });

  it('follows a next-page link as long as the api makes them (sorted by the longest source)', async () => {
    // Sorted by source, a cursor carries the source's UTF-8 bytes in base64url: 256 of them make 342 characters.
    const cursor = `${Buffer.from('é'.repeat(128)).toString('base64url')}~1764349200123.18446744073709551615`;
    api.answerWith({ status: 200, body: logsPage([storedLog()], { next_cursor: cursor }) });
    const href = /<a id="next-page"[^>]*href="([^"]+)"/.exec((await app.inject('/?sort=source')).body)?.[1];
    const next = decodeHref(href as string);

    const response = await app.inject(`${next.pathname}${next.search}`);

    expect(cursor.length).toBeGreaterThan(300);
    expect(response.statusCode).toBe(200);
    expect(api.requests.at(-3)?.searchParams.get('cursor')).toBe(cursor);
  });

  it('links to the previous page from prev_cursor, and back to the latest', async () => {
    api.answerWith({ status: 200, body: logsPage([storedLog()], { prev_cursor: 'row/7' }) });

    const response = await app.inject('/?source=auth&cursor=row%2F9');

    const previous = /<a id="previous-page"[^>]*href="([^"]+)"/.exec(response.body)?.[1];
    expect(Object.fromEntries(decodeHref(previous as string).searchParams)).toEqual({
      source: 'auth', limit: '100', order: 'desc', before: 'row/7',
    });
    const first = /<a id="first-page"[^>]*href="([^"]+)"/.exec(response.body)?.[1];
    expect(Object.fromEntries(decodeHref(first as string).searchParams)).toEqual({ source: 'auth', limit: '100', order: 'desc' });
  });

  it('reflects the filters in the form', async () => {
    api.answerWith({ status: 200, body: logsPage([]) });

    const response = await app.inject('/?level=CRITICAL&source=auth&source=search&q=disk&from=24h&limit=200&order=asc');

    expect(response.body).toMatch(/name="level" value="CRITICAL" checked/);
    expect(response.body).not.toMatch(/name="level" value="DEBUG" checked/);
    expect(response.body).toContain('name="source" value="auth, search"');
    expect(response.body).toContain('name="q" value="disk"');
    expect(response.body).toContain('<option value="24h" selected>Last 24 hours</option>');
    expect(response.body).toContain('<option value="200" selected>');
    expect(response.body).toContain('<option value="asc" selected>');
    expect(response.body).toContain('Last 24 hours');
  });

  it('shows an empty state when nothing matches', async () => {
    api.answerWith({ status: 200, body: logsPage([]) });

    const response = await app.inject('/?q=nothing');

    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<table id="logs"');
    expect(response.body).toContain('id="empty-state"');
    expect(response.body).toContain('No logs match these filters');
  });

  it('answers 400 with the api message when the api rejects the filters', async () => {
    api.answerWith({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'cursor is not one this api issued' },
    });

    const response = await app.inject('/?cursor=forged');

    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('cursor is not one this api issued');
  });

  it.each([
    ['/?level=LOUD', 'level: &#x27;LOUD&#x27; is not a level (DEBUG, INFO, WARNING, ERROR, CRITICAL'],
    ['/?limit=0', 'limit must be a whole number from 1 to 10000.'],
    ['/?order=sideways', 'order must be desc or asc.'],
  ])('answers %s with 400 and a reason, without calling the api', async (path, reason) => {
    const response = await app.inject(path);

    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(reason);
    expect(api.requests).toHaveLength(0);
  });

  it('answers 502 when the api fails', async () => {
    api.answerWith({ status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'storage is unavailable' } });

    const response = await app.inject('/');

    expect(response.statusCode).toBe(502);
    expect(response.body).toContain('The api is failing');
    expect(response.body).toContain('HTTP 503');
  });

  it('answers 502 when the api answers something that is not a page of logs', async () => {
    api.answerOffContract(200, { hello: 'world' });

    const response = await app.inject('/');

    expect(response.statusCode).toBe(502);
    expect(response.body).toContain('Something other than the Logline api answers');
  });

  it('answers 502 when the api is too slow', async () => {
    api.answerWith({ status: 200, body: logsPage([]), delayMs: 1000 });

    const response = await app.inject('/');

    expect(response.statusCode).toBe(502);
    expect(response.body).toContain('The api did not answer in time');
    expect(response.body).toContain('API_TIMEOUT_MS');
  });

  it('serves the results fragment with the same filters, without the page around it', async () => {
    api.answerWith({ status: 200, body: logsPage([storedLog()]) });

    const response = await app.inject('/partials/logs?level=ERROR&source=payment&from=5m&live=1');

    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<table id="logs"');
    expect(response.body).not.toContain('<html');
    expect(response.headers['cache-control']).toBe('no-store');
    const received = api.requests[0].searchParams;
    expect(received.getAll('level')).toEqual(['ERROR']);
    expect(received.getAll('source')).toEqual(['payment']);
    expect(received.get('from')).toBe('5m');
  });

  it('answers the fragment route with an error panel, not a page, when the api fails', async () => {
    api.answerWith({ status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'internal error' } });

    const response = await app.inject('/partials/logs');

    expect(response.statusCode).toBe(502);
    expect(response.body).toContain('class="error-panel"');
    expect(response.body).not.toContain('<html');
  });
});

describe('GET / when nothing answers at API_URL', () => {
  let app: App;
  let apiUrl: string;

  beforeAll(async () => {
    apiUrl = await unusedAddress();
    app = await appFor(apiUrl);
  });
  afterAll(() => app.close());

  it('answers 502 with a page that names API_URL and how to start the api', async () => {
    const response = await app.inject('/');

    expect(response.statusCode).toBe(502);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('The api is not answering');
    expect(response.body).toContain(`Nothing answers at ${apiUrl}/`);
    expect(response.body).toContain('npx nx serve api');
    expect(response.body).toContain('API unavailable');
    expect(response.body).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  });
});
