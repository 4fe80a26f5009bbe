import { type HttpIngest, runWithFlags, startHttpIngest } from '../../test';
import { createGeneratorMetrics } from './generator-metrics';
import { serveMetrics, type MetricsServer } from './metrics-server';

describe('generator metrics', () => {
  let ingest: HttpIngest | undefined;
  let server: MetricsServer | undefined;
  afterEach(async () => {
    await server?.close();
    await ingest?.close();
  });

  it('count what a run sent, had acknowledged, failed and retried, and serve it on GET /metrics', async () => {
    // The first batch is refused for good (400), the second answered 503 once, then stored.
    ingest = await startHttpIngest((index) => [{ status: 400, body: 'no' }, { status: 503 }][index]);
    const metrics = createGeneratorMetrics();
    const { stats } = await runWithFlags(
      ['--target', ingest.url, '--rate', '0', '--count', '20', '--batch', '10', '--producer', 'p', '--retry-deadline', '5s'],
      { observer: metrics.observer },
    );
    expect(stats[0]).toMatchObject({ sent: 20, acked: 10, failed: 10 });
    server = await serveMetrics(metrics.registry, '127.0.0.1', 0);
    const response = await fetch(server.url);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^logline_generator_events_sent_total 20$/m);
    expect(text).toMatch(/^logline_generator_events_acked_total 10$/m);
    expect(text).toMatch(/^logline_generator_events_failed_total 10$/m);
    expect(text).toMatch(/^logline_generator_retries_total 1$/m);
    expect(text).toMatch(/^logline_generator_events_in_flight 0$/m);
    expect(text).toContain('process_cpu_seconds_total');
    expect(text).not.toContain('nodejs_active_handles_total');
    expect((await fetch(server.url.replace('/metrics', '/'))).status).toBe(404);
  });
});
