import { createToken, TokenStore } from '../src/auth/token-store';
import { startTestApi, type TestApi } from './test-app';

describe('/api/v1/saved-searches', () => {
  let api: TestApi;
  const reader = createToken('ana-laptop', ['read']);
  const auth = { authorization: `Bearer ${reader.token}` };
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
    api.app.inject({ method, url, payload, headers: { ...auth, ...headers } });

  beforeAll(async () => {
    api = await startTestApi({}, new TokenStore([reader.entry]));
  });
  afterAll(() => api.close());

  const view = { q: 'level:error timeout', source: ['payment'], from: '24h', columns: ['timestamp', 'host', 'attributes.duration_ms', 'message'], sort: 'level', order: 'desc' };

  it('saves, lists, opens, renames and deletes a search, keeping who saved it and when', async () => {
    const created = await call('POST', '/api/v1/saved-searches', { name: 'Payment timeouts', view });
    expect(created.statusCode).toBe(201);
    const saved = created.json();
    expect(saved).toMatchObject({ name: 'Payment timeouts', view, saved_by: 'ana-laptop' });
    expect(Date.parse(saved.saved_at)).toBeGreaterThan(Date.now() - 60_000);

    // The web app names the signed-in user it saves for.
    const other = (await call('POST', '/api/v1/saved-searches', { name: 'all errors', view: { q: 'level:error | stats count() by source' } }, { 'x-logline-user': 'bo' })).json();
    expect(other.saved_by).toBe('bo');
    const list = (await call('GET', '/api/v1/saved-searches')).json();
    expect(list.saved_searches.map((search: { name: string }) => search.name)).toEqual(['all errors', 'Payment timeouts']);
    expect((await call('GET', `/api/v1/saved-searches/${saved.id}`)).json()).toEqual(saved);

    const renamed = await call('PATCH', `/api/v1/saved-searches/${saved.id}`, { name: 'Slow payments' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: saved.id, name: 'Slow payments', view, saved_by: 'ana-laptop', saved_at: saved.saved_at });
    const byName = (await call('GET', `/api/v1/saved-searches?name=${encodeURIComponent('Slow payments')}`)).json();
    expect(byName.saved_searches.map((search: { id: string }) => search.id)).toEqual([saved.id]);
    expect((await call('GET', '/api/v1/saved-searches?name=Payment%20timeouts')).json().saved_searches).toEqual([]);

    expect((await call('DELETE', `/api/v1/saved-searches/${saved.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/saved-searches/${saved.id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/saved-searches/${saved.id}`)).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/saved-searches')).json().saved_searches.map((search: { id: string }) => search.id)).toEqual([other.id]);
  });

  it('refuses a second search under a name in use, on save and on rename', async () => {
    const first = (await call('POST', '/api/v1/saved-searches', { name: 'taken', view: {} })).json();
    const second = (await call('POST', '/api/v1/saved-searches', { name: 'free', view: {} })).json();
    const again = await call('POST', '/api/v1/saved-searches', { name: 'taken', view: { q: 'x' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/^name: a saved search named 'taken' exists already \(saved by ana-laptop\)/);
    expect((await call('PATCH', `/api/v1/saved-searches/${second.id}`, { name: 'taken' })).statusCode).toBe(409);
    expect((await call('PATCH', `/api/v1/saved-searches/${first.id}`, { name: 'taken' })).statusCode).toBe(200);
  });

  it.each([
    [{ name: ' padded', view: {} }, /name/],
    [{ name: '', view: {} }, /name/],
    [{ name: 'bad query', view: { q: 'level:error "open' } }, /^q: unterminated quote/],
    [{ name: 'bad stats', view: { q: '| stats median(attributes.x)' } }, /^q: unknown function 'median'/],
    [{ name: 'bad range', view: { from: 'yesterday' } }, /^from: /],
    [{ name: 'bad column', view: { columns: ['colour'] } }, /^view.columns: unknown field 'colour'/],
    [{ name: 'extra', view: { q: 'x', rows: 5 } }, /rows|additional/],
  ])('answers 400 for a search that could not be opened: %j', async (body, message) => {
    const response = await call('POST', '/api/v1/saved-searches', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(message);
  });

  it('answers 400 for an id that is not one, and needs a token like every read', async () => {
    expect((await call('GET', '/api/v1/saved-searches/42')).statusCode).toBe(400);
    expect((await api.app.inject({ url: '/api/v1/saved-searches' })).statusCode).toBe(401);
  });
});
