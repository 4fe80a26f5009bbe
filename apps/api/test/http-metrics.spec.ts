/** logline_http_request_duration_seconds: every answered request, labelled by route template. */
import { startTestApi, type TestApi } from './test-app';

describe('HTTP request metrics', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('labels requests with the route template and status, never the raw URL', async () => {
    await api.app.inject({ url: '/api/v1/logs?limit=5' });
    await api.app.inject({ url: '/api/v1/logs?limit=bad' });
    await api.app.inject({ url: '/api/v1/producers/some-producer-id' });
    await api.app.inject({ url: '/no/such/path/12345' });
    const text = (await api.app.inject({ url: '/metrics' })).body;
    const count = (labels: string) => Number(new RegExp(`^logline_http_request_duration_seconds_count\\{${labels}\\} (\\d+)$`, 'm').exec(text)?.[1]);
    expect(count('method="GET",route="/api/v1/logs",status_code="200"')).toBe(1);
    expect(count('method="GET",route="/api/v1/logs",status_code="400"')).toBe(1);
    expect(count('method="GET",route="/api/v1/producers/:producer_id",status_code="200"')).toBe(1);
    expect(count('method="GET",route="unmatched",status_code="404"')).toBe(1);
    expect(text).not.toContain('some-producer-id');
    expect(text).not.toContain('12345');
  });
});
