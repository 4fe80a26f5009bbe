/**
 * POST /loki/api/v1/push driven by winston with the real winston-loki transport, unmodified, in an
 * application process of its own: JSON and snappy-compressed protobuf pushes, stored rows checked
 * field by field; refused entries answered in Loki's way (400, reasons as text) with the valid
 * ones stored and the refused ones kept as dead letters.
 */
import { runClient } from './support/clients';
import { startProtocolApi, type ProtocolApi } from './support/protocol-api';

describe('Loki push from winston-loki', () => {
  let api: ProtocolApi;
  beforeAll(async () => {
    api = await startProtocolApi();
  });
  afterAll(() => api?.stop());

  it.each([
    ['JSON', true],
    ['snappy protobuf', false],
  ] as const)('stores what a %s push carries, field by field', async (_encoding, json) => {
    const app = json ? 'shop-json' : 'shop-proto';
    const before = Date.now();
    const run = await runClient('winston-loki-send.mjs', {
      url: api.url,
      json,
      labels: { app, env: 'prod', host: 'web-3' },
      records: [
        { level: 'warn', message: 'stock low', meta: { sku: 'A-17' } },
        { level: 'error', message: 'payment refused' },
        { level: 'debug', message: 'cache warm' },
      ],
    });
    expect(run).toMatchObject({ code: 0, stdout: 'pushed\n' });
    const rows = await api.waitForRows(`source=${app}`, 3);
    for (const row of rows) {
      expect(Date.parse(row.timestamp)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(row).toMatchObject({ source: app, host: 'web-3', producer_id: '', seq: null, trace_id: '', span_id: '' });
    }
    const byMessage = Object.fromEntries(rows.map((row) => [row.message, { level: row.log_level, attributes: row.attributes }]));
    // winston-loki writes the line as `${message} ${JSON of the other fields, winston's level
    // among them}`; JSON pushes also carry those fields as structured metadata.
    expect(byMessage).toEqual({
      'stock low {"sku":"A-17","level":"warn"}': { level: 'WARNING', attributes: json ? { env: 'prod', sku: 'A-17' } : { env: 'prod' } },
      'payment refused {"level":"error"}': { level: 'ERROR', attributes: { env: 'prod' } },
      'cache warm {"level":"debug"}': { level: 'DEBUG', attributes: { env: 'prod' } },
    });
  });

  it('answers 400 with the refused entries, stores the valid ones, and keeps dead letters', async () => {
    const now = `${Date.now()}000000`;
    const response = await fetch(`${api.url}/loki/api/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        streams: [
          { stream: { job: 'cron', level: 'info' }, values: [[now, 'nightly run done'], ['yesterday', 'no time'], [now, 'deep', { trace_id: 'not-hex' }]] },
        ],
      }),
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('2 entries refused, 1 stored');
    expect(text).toContain('streams[0].values[1]: timestamp "yesterday" is not nanoseconds since the Unix epoch');
    expect(text).toContain("streams[0].values[2]: trace_id 'not-hex' is not 32 hexadecimal digits");
    expect((await api.rows('source=cron')).map((row) => row.message)).toEqual(['nightly run done']);
    const letters = await api.waitForDeadLetters('loki', 2);
    expect(letters.map((letter) => [letter.line, letter.code])).toEqual([[2, 'invalid_value'], [3, 'invalid_value']]);
  });

  it('answers a body that is not snappy protobuf with 400 in plain text, and keeps serving', async () => {
    const response = await fetch(`${api.url}/loki/api/v1/push`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: 'not snappy at all' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/not snappy-compressed protobuf|invalid protobuf/);
    expect((await fetch(`${api.url}/api/v1/health`)).status).toBe(200);
  });
});
