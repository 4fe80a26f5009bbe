/**
 * PROCESSING_RULES_FILE on the real api over the real engine: the rules run on every door's events
 * after normalisation and before storage; an event a rule cannot be applied to is a dead letter
 * naming the rule, dropped and sampled events are counted, and a bad file stops the start.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { BASE_TIME_MS, event, startTestApi, type TestApi } from './test-app';

const RULES = `rules:
  - name: drop-health-checks
    when: source:lb "GET /healthz"
    drop: true
  - name: parse-key-values
    when: source:payment
    parse:
      key_value: true
  - name: take-level
    when: source:payment
    set:
      log_level: lvl
  - name: redact-email
    redact:
      detectors: [email]
      keep_last: 3
`;

interface StoredRow {
  message: string;
  log_level: string;
  attributes: Record<string, string>;
}

describe('processing rules at ingest', () => {
  const folder = mkdtempSync(join(tmpdir(), 'logline-rules-'));
  const rulesFile = join(folder, 'rules.yaml');
  let api: TestApi;

  beforeAll(async () => {
    writeFileSync(rulesFile, RULES);
    api = await startTestApi({ PROCESSING_RULES_FILE: rulesFile });
  });
  afterAll(async () => {
    await api.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function rowsOf(producer: string): Promise<StoredRow[]> {
    return (await api.app.inject({ url: `/api/v1/logs?producer_id=${producer}&order=asc&limit=100` })).json().rows;
  }

  it('parses, sets, redacts and drops NDJSON events, and sends the event a rule fails on to the dead letters', async () => {
    const body = [
      event(0, { producer_id: 'rules-http', source: 'payment', message: 'charged amount=12.50 lvl=warn by ann@example.com' }),
      event(1, { producer_id: 'rules-http', source: 'lb', message: 'GET /healthz 200' }),
      event(2, { producer_id: 'rules-http', source: 'payment', message: 'refund lvl=loud' }),
      event(3, { producer_id: 'rules-http', source: 'lb', message: 'GET /cart 200' }),
    ].join('\n');
    const response = await api.app.inject({ method: 'POST', url: '/api/v1/ingest', headers: { 'content-type': 'application/x-ndjson' }, payload: body });
    expect(response.json()).toEqual({
      // The dropped health check counts as accepted: it must not be sent again.
      accepted: 3,
      rejected: 1,
      errors: [{ line: 3, reason: "rule 'take-level': unknown log_level 'loud' (expected DEBUG, INFO, WARNING, ERROR or CRITICAL) (from attribute 'lvl')" }],
    });
    expect(await rowsOf('rules-http')).toEqual([
      expect.objectContaining({ message: 'charged amount=12.50 lvl=warn by ************com', log_level: 'WARNING', attributes: { amount: '12.50', lvl: 'warn' } }),
      expect.objectContaining({ message: 'GET /cart 200', log_level: 'INFO', attributes: {} }),
    ]);
    // Dead letters are stored in the background, within a quarter of a second.
    const deadLetters = async () => {
      const result = await api.storage.reader.query({ query: "SELECT line, code, reason FROM logs.ingest_errors WHERE code = 'processing_rule'", format: 'JSONEachRow' });
      return result.json<{ line: number; code: string; reason: string }>();
    };
    for (let tries = 0; tries < 50 && (await deadLetters()).length === 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await deadLetters()).toEqual([{ line: 3, code: 'processing_rule', reason: expect.stringContaining("rule 'take-level'") }]);
    const metrics = (await api.app.inject({ url: '/metrics' })).body;
    expect(metrics).toContain('logline_processing_rule_dropped_total{rule="drop-health-checks"} 1');
    expect(metrics).toContain('logline_ingest_events_total{transport="http",outcome="dropped_by_rule"} 1');
  });

  it('runs the same rules on the protocol doors (Loki push)', async () => {
    const ns = (seq: number) => String((BASE_TIME_MS + seq * 1000) * 1_000_000);
    const push = {
      streams: [
        { stream: { service_name: 'payment' }, values: [[ns(0), 'paid lvl=error to bob@example.org']] },
        { stream: { service_name: 'lb' }, values: [[ns(1), 'GET /healthz 200']] },
      ],
    };
    const response = await api.app.inject({ method: 'POST', url: '/loki/api/v1/push', headers: { 'content-type': 'application/json' }, payload: push });
    expect(response.statusCode).toBe(204);
    const rows: StoredRow[] = (await api.app.inject({ url: '/api/v1/logs?source=payment&source=lb&q=paid&limit=10' })).json().rows;
    expect(rows).toEqual([expect.objectContaining({ message: 'paid lvl=error to ************org', log_level: 'ERROR' })]);
    expect((await api.app.inject({ url: '/metrics' })).body).toContain('logline_processing_rule_dropped_total{rule="drop-health-checks"} 2');
  });

  it('refuses to start on a rules file with mistakes, naming each rule and line', () => {
    const bad = join(folder, 'bad.yaml');
    writeFileSync(bad, "rules:\n  - name: broken\n    parse: { regex: '(?P<x>a' }\n  - name: no-action\n");
    expect(() => loadConfig({ PROCESSING_RULES_FILE: bad })).toThrow(
      new RegExp(`PROCESSING_RULES_FILE: processing rules file ${bad}:\\n  line 3: rule 'broken': parse.regex: .*\\n  line 4: rule 'no-action'`),
    );
    // The pattern is derived after the rules ran: a rule cannot test it.
    const byPattern = join(folder, 'by-pattern.yaml');
    writeFileSync(byPattern, 'rules:\n  - name: drop-noise\n    when: -pattern:3f2a9c0d1e4b5a6f\n    drop: true\n');
    expect(() => loadConfig({ PROCESSING_RULES_FILE: byPattern })).toThrow(
      "line 3: rule 'drop-noise': when: 'pattern:' cannot be used here: processing rules run before an event's pattern is derived",
    );
    expect(() => loadConfig({ PROCESSING_RULES_FILE: join(folder, 'missing.yaml') })).toThrow(/cannot read it: ENOENT/);
  });
});
