import { checkMetrics } from '@logline/test-tools';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';

describe('GET /metrics', () => {
  it('exposes request and process metrics that promtool accepts, with route templates as labels', async () => {
    const app = await buildApp(loadConfig({ API_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent' }));
    await app.inject('/healthz');
    await app.inject('/no/such/page/42');
    const response = await app.inject('/metrics');
    await app.close();

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.body).toContain('logline_web_http_request_duration_seconds_count{method="GET",route="/healthz",status_code="200"} 1');
    expect(response.body).toContain('route="unmatched",status_code="404"');
    expect(response.body).not.toContain('/no/such/page');
    expect(response.body).toContain('process_resident_memory_bytes');
    expect(checkMetrics(response.body)).toEqual({ code: 0, output: '' });
  });
});
