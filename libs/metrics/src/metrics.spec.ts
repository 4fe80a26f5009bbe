import Fastify from 'fastify';
import { createHttpRequestHistogram, createProcessRegistry, observeHttpRequests } from './index';

describe('createProcessRegistry', () => {
  it('holds the process metrics, without the gauges prom-client names *_total', async () => {
    const text = await createProcessRegistry().metrics();
    expect(text).toContain('process_resident_memory_bytes');
    expect(text).toContain('nodejs_active_handles ');
    expect(text).not.toMatch(/^nodejs_active_\w+_total/m);
  });
});

describe('observeHttpRequests', () => {
  it('labels requests by route template, and unknown paths as unmatched', async () => {
    const registry = createProcessRegistry();
    const histogram = createHttpRequestHistogram({ name: 'test_http_request_duration_seconds', help: 'Test.', registers: [registry] });
    const app = Fastify();
    observeHttpRequests(app, histogram);
    app.get('/items/:id', async () => 'ok');
    await app.inject('/items/42');
    await app.inject('/items/43');
    await app.inject('/nowhere/7');
    await app.close();
    const text = await registry.metrics();
    expect(text).toContain('test_http_request_duration_seconds_count{method="GET",route="/items/:id",status_code="200"} 2');
    expect(text).toContain('test_http_request_duration_seconds_count{method="GET",route="unmatched",status_code="404"} 1');
    expect(text).not.toMatch(/\/items\/4\d|nowhere/);
  });
});
