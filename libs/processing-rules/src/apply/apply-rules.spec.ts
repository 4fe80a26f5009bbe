import { normalizeEvent, type LogRow } from '@logline/log-schema';
import { parseProcessingRules } from '../load/load-rules';
import { applyRules, type RulesOutcome } from './apply-rules';

function rulesOf(yaml: string) {
  return parseProcessingRules(yaml, 'test.yaml').rules;
}

function eventOf(fields: Record<string, unknown>): { row: LogRow; timestampMs: number } {
  const result = normalizeEvent({ timestamp: '2026-11-28T17:00:00.000Z', level: 'info', source: 'app', message: '', ...fields });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

function run(yaml: string, fields: Record<string, unknown>): RulesOutcome {
  const { row, timestampMs } = eventOf(fields);
  return applyRules(rulesOf(yaml), row, timestampMs);
}

function keptRow(yaml: string, fields: Record<string, unknown>): LogRow {
  const outcome = run(yaml, fields);
  if (outcome.kind !== 'keep') throw new Error(`expected the event kept, got ${JSON.stringify(outcome)}`);
  return outcome.row;
}

describe('applyRules', () => {
  it('parses with a regex, a grok pattern, key=value pairs and embedded JSON', () => {
    const yaml = `rules:
  - name: regex
    parse: { regex: 'user=(?P<user>\\w+)(?: took (?P<ms>\\d+)ms)?' }
  - name: grok
    when: source:nginx
    parse: { grok: '%{IP:client} %{WORD:method} %{URIPATHPARAM:path} %{INT:status}', prefix: 'http.' }
  - name: kv
    when: source:payment
    parse: { key_value: true }
  - name: json
    when: source:checkout
    parse: { json: true }
`;
    expect(keptRow(yaml, { message: 'login user=ann' }).attributes).toEqual({ user: 'ann' });
    expect(keptRow(yaml, { source: 'nginx', message: '10.1.2.3 GET /cart?id=7 404' }).attributes).toEqual({
      'http.client': '10.1.2.3', 'http.method': 'GET', 'http.path': '/cart?id=7', 'http.status': '404',
    });
    expect(keptRow(yaml, { source: 'payment', message: 'charge amount=12.50 currency=EUR note="card \\"gold\\" ok",retry=' }).attributes).toEqual({
      amount: '12.50', currency: 'EUR', note: 'card "gold" ok', retry: '',
    });
    expect(keptRow(yaml, { source: 'checkout', message: 'done {"order":"A-1","total":1.0,"items":[1,{"b":2,"a":null}],"ok":true} end' }).attributes).toEqual({
      order: 'A-1', total: '1', items: '[1,{"a":null,"b":2}]', ok: 'true',
    });
    expect(keptRow(yaml, { source: 'checkout', message: 'no json {here}' }).attributes).toEqual({});
  });

  it('sets level, source, host and timestamp from parsed attributes with the wire rules', () => {
    const yaml = `rules:
  - name: parse
    parse: { regex: '^(?P<time>\\S+) (?P<sev>\\w+) (?P<svc>\\w+)@(?P<node>\\S+)' }
  - name: set
    set: { timestamp: time, log_level: sev, source: svc, host: node }
`;
    const { row } = eventOf({ message: '2026-11-28T18:30:00.250+01:00 warn billing@db-2 slow' });
    expect(applyRules(rulesOf(yaml), row, 0)).toEqual({
      kind: 'keep',
      timestampMs: Date.UTC(2026, 10, 28, 17, 30, 0, 250),
      row: expect.objectContaining({ timestamp: '2026-11-28 17:30:00.250', log_level: 'WARNING', source: 'billing', host: 'db-2' }),
    });
    expect(keptRow(yaml, { message: '1795885200.5 fatal api@h1 x' })).toMatchObject({ timestamp: '2026-11-28 17:00:00.500', log_level: 'CRITICAL' });
    // No match, so no attributes: the fields stay as they were.
    expect(keptRow(yaml, { message: 'plain text' })).toMatchObject({ timestamp: '2026-11-28 17:00:00.000', log_level: 'INFO', source: 'app' });
  });

  it('fails only the event a rule cannot be applied to, naming the rule', () => {
    const yaml = `rules:
  - name: parse-level
    parse: { regex: 'level=(?P<lvl>\\w+)' }
  - name: take-level
    set: { log_level: lvl }
`;
    expect(run(yaml, { message: 'level=loud' })).toEqual({
      kind: 'failure',
      rule: 'take-level',
      code: 'processing_rule',
      reason: "rule 'take-level': unknown log_level 'loud' (expected DEBUG, INFO, WARNING, ERROR or CRITICAL) (from attribute 'lvl')",
    });
    expect(keptRow(yaml, { message: 'level=error' }).log_level).toBe('ERROR');
  });

  it('fails an event whose parsed attributes exceed the event limits', () => {
    const yaml = "rules:\n  - name: kv\n    parse: { key_value: true }\n";
    const message = Array.from({ length: 300 }, (_, i) => `k${i}=v`).join(' ');
    expect(run(yaml, { message })).toMatchObject({ kind: 'failure', rule: 'kv', reason: "rule 'kv': more than 256 attributes" });
  });

  it('redacts detectors and custom patterns in the message and attributes, keeping the last characters', () => {
    const yaml = `rules:
  - name: redact
    redact:
      detectors: [card_number, email, bearer_token]
      patterns: ['ssn=(?P<secret>\\d{3}-\\d{2}-\\d{4})']
`;
    const row = keptRow(yaml, {
      message: 'paid 4111 1111 1111 1111 by ann@example.com, ssn=123-45-6789, ref 4111111111111112',
      attributes: { auth: 'Bearer abcdefghijklmnop', note: 'nothing here' },
    });
    expect(row.message).toBe('paid ***************1111 by ***********.com, ssn=*******6789, ref 4111111111111112');
    expect(row.attributes).toEqual({ auth: 'Bearer ************mnop', note: 'nothing here' });
  });

  it('redacts only the fields named', () => {
    const yaml = "rules:\n  - name: r\n    redact: { detectors: [email], fields: [attributes.to], keep_last: 0, mask: '#' }\n";
    const row = keptRow(yaml, { message: 'to a@b.io', attributes: { to: 'c@d.io', cc: 'e@f.io' } });
    expect(row).toMatchObject({ message: 'to a@b.io', attributes: { to: '######', cc: 'e@f.io' } });
  });

  it('drops matching events and keeps the rest', () => {
    const yaml = "rules:\n  - name: no-health\n    when: source:lb \"GET /healthz\"\n    drop: true\n";
    expect(run(yaml, { source: 'lb', message: 'GET /healthz 200' })).toEqual({ kind: 'drop', rule: 'no-health' });
    expect(run(yaml, { source: 'lb', message: 'GET /cart 200' }).kind).toBe('keep');
    expect(run(yaml, { source: 'api', message: 'GET /healthz 200' }).kind).toBe('keep');
  });

  it('samples a steady fraction, always deciding the same way for the same event', () => {
    const rules = rulesOf("rules:\n  - name: tenth\n    when: level:debug\n    sample: 0.1\n");
    const events = Array.from({ length: 10_000 }, (_, seq) => eventOf({ level: 'debug', message: `tick ${seq}`, producer_id: 'p', seq }));
    const kept = events.filter(({ row, timestampMs }) => applyRules(rules, row, timestampMs).kind === 'keep');
    expect(kept.length).toBeGreaterThan(900);
    expect(kept.length).toBeLessThan(1100);
    const again = events.filter(({ row, timestampMs }) => applyRules(rules, row, timestampMs).kind === 'keep');
    expect(again).toEqual(kept);
    const { row } = eventOf({ level: 'info', message: 'tick' });
    expect(applyRules(rules, row, 0).kind).toBe('keep');
  });

  it('renames and removes attributes', () => {
    const yaml = "rules:\n  - name: rename\n    rename: { usr: user_id, gone: other }\n  - name: remove\n    remove: [password, __proto__]\n";
    const row = keptRow(yaml, { attributes: { usr: 'ann', password: 'x', keep: 'y', ['__proto__']: 'z' } });
    expect(row.attributes).toEqual({ user_id: 'ann', keep: 'y' });
  });

  it("leaves the caller's row untouched", () => {
    const { row, timestampMs } = eventOf({ message: 'user=ann', attributes: { a: '1' } });
    const before = structuredClone(row);
    applyRules(rulesOf("rules:\n  - name: p\n    parse: { regex: 'user=(?P<user>\\w+)' }\n"), row, timestampMs);
    expect(row).toEqual(before);
  });
});
