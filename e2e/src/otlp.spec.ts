/**
 * POST /v1/logs driven by the real OpenTelemetry JS SDK and both of its OTLP/HTTP exporters
 * (JSON and protobuf), unmodified, in an application process of its own (e2e/clients/otel-emit.mjs)
 * against the built api: stored rows checked field by field, trace context kept, a refused record
 * reported back as partial success and kept as a dead letter, and exports refused with 503 under
 * backpressure retried by the exporter itself.
 */
import { runClient } from './support/clients';
import { startProtocolApi, type ProtocolApi } from './support/protocol-api';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

function job(url: string, encoding: 'json' | 'protobuf', service: string, records: unknown[]) {
  return {
    url: `${url}/v1/logs`,
    encoding,
    resource: { 'service.name': service, 'host.name': 'web-7', 'deployment.environment': 'prod' },
    scope: { name: 'payments', version: '1.4.0' },
    records,
  };
}

describe('OTLP/HTTP logs from the OpenTelemetry SDK', () => {
  let api: ProtocolApi;
  beforeAll(async () => {
    api = await startProtocolApi();
  });
  afterAll(() => api?.stop());

  it.each(['json', 'protobuf'] as const)('stores what the %s exporter sends, field by field, with its trace context', async (encoding) => {
    const service = `checkout-${encoding}`;
    const at = Math.floor(Date.now() / 1000) * 1000 - 5000;
    const run = await runClient('otel-emit.mjs', job(api.url, encoding, service, [
      { timestampMs: at, severityNumber: 17, severityText: 'ERROR', body: 'card declined', attributes: { 'order.id': 'A-17', amount: 42, retried: true }, traceId: TRACE_ID, spanId: SPAN_ID },
      { timestampMs: at + 1, severityNumber: 13, body: { reason: 'slow', ms: 900 } },
      { timestampMs: at + 2, severityText: 'notice', body: 'spelled level' },
    ]));
    expect(run).toMatchObject({ code: 0, stdout: 'exported\n' });

    const rows = await api.waitForRows(`source=${service}`, 3);
    expect(rows.map(({ timestamp, log_level, message, source, host, attributes, trace_id, span_id }) => ({ timestamp, log_level, message, source, host, attributes, trace_id, span_id }))).toEqual([
      {
        timestamp: new Date(at).toISOString(),
        log_level: 'ERROR',
        message: 'card declined',
        source: service,
        host: 'web-7',
        attributes: { 'deployment.environment': 'prod', 'otel.scope.name': 'payments', 'otel.scope.version': '1.4.0', 'order.id': 'A-17', amount: '42', retried: 'true' },
        trace_id: TRACE_ID,
        span_id: SPAN_ID,
      },
      expect.objectContaining({ timestamp: new Date(at + 1).toISOString(), log_level: 'WARNING', message: '{"ms":900,"reason":"slow"}', trace_id: '', span_id: '' }),
      expect.objectContaining({ timestamp: new Date(at + 2).toISOString(), log_level: 'INFO', message: 'spelled level' }),
    ]);
  });

  it('reports a refused record as partial success, keeps it as a dead letter, and stores the rest', async () => {
    const response = await fetch(`${api.url}/v1/logs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resourceLogs: [{
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'partial' } }] },
          scopeLogs: [{ logRecords: [
            { timeUnixNano: `${Date.now()}000000`, severityNumber: 9, body: { stringValue: 'kept' } },
            { timeUnixNano: `${Date.now()}000000`, severityText: 'loud', body: { stringValue: 'unknown severity' } },
          ] }],
        }],
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { partialSuccess: { rejectedLogRecords: number; errorMessage: string } };
    expect(body.partialSuccess.rejectedLogRecords).toBe(1);
    expect(body.partialSuccess.errorMessage).toContain("resourceLogs[0].scopeLogs[0].logRecords[1]: unknown log_level 'loud'");
    expect((await api.rows('source=partial')).map((row) => row.message)).toEqual(['kept']);
    const letters = await api.waitForDeadLetters('otlp', 1);
    expect(letters[0]).toMatchObject({ line: 2, code: 'invalid_value' });
    expect(letters[0].raw).toContain('unknown severity');
  });

  it('answers a broken protobuf body with 400 and a google.rpc.Status, and keeps serving', async () => {
    const response = await fetch(`${api.url}/v1/logs`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: Buffer.from([0x0a, 0xff, 0xff, 0x01]) });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/x-protobuf');
    expect(Buffer.from(await response.arrayBuffer()).toString('latin1')).toContain('invalid protobuf ExportLogsServiceRequest');
    expect((await fetch(`${api.url}/api/v1/health`)).status).toBe(200);
  });
});

describe('OTLP/HTTP under backpressure', () => {
  let api: ProtocolApi;
  // One row may wait for storage, and it waits 3 s: exports meanwhile find storage behind.
  beforeAll(async () => {
    api = await startProtocolApi({ INGEST_MAX_PENDING_ROWS: '1', INGEST_FLUSH_MS: '3000' });
  });
  afterAll(() => api?.stop());

  async function refusedExports(): Promise<number> {
    const metrics = await (await fetch(`${api.url}/metrics`)).text();
    const line = metrics.split('\n').find((text) => text.startsWith('logline_http_request_duration_seconds_count') && text.includes('"/v1/logs"') && text.includes('"503"'));
    return Number(line?.split(' ').pop() ?? 0);
  }

  it('answers 503 with Retry-After, and the exporter retries until its records are stored', async () => {
    const first = runClient('otel-emit.mjs', job(api.url, 'json', 'pressure', [{ severityNumber: 9, body: 'one' }]));
    await api.waitForPendingRows();
    const refused = await fetch(`${api.url}/v1/logs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { code: number }).code).toBe(14);
    const second = await runClient('otel-emit.mjs', job(api.url, 'protobuf', 'pressure', [{ severityNumber: 9, body: 'two' }]));
    expect([(await first).code, second.code]).toEqual([0, 0]);
    expect(await refusedExports()).toBeGreaterThanOrEqual(2);
    const rows = await api.waitForRows('source=pressure', 2);
    expect(rows.map((row) => row.message).sort()).toEqual(['one', 'two']);
  });
});
