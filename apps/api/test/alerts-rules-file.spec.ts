/** ALERT_RULES_FILE: what a valid file becomes, and how every mistake in one is reported. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertRulesError, loadAlertRules, parseAlertRules } from '../src/alerts/load-alert-rules';

const EXAMPLE = join(__dirname, '..', '..', '..', 'config', 'alert-rules.example.yaml');

function problemsOf(text: string): readonly string[] {
  try {
    parseAlertRules(text, 'rules.yaml');
  } catch (error) {
    if (error instanceof AlertRulesError) return error.problems;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('alert rules file', () => {
  it('reads the example file: rules with their parsed queries, windows, conditions and receivers', () => {
    const { rules, receivers } = loadAlertRules(EXAMPLE);
    expect(receivers).toEqual([
      { name: 'ops-slack', type: 'slack', url: expect.stringMatching(/^https:\/\/hooks\.slack\.com\//) },
      { name: 'incident-hook', type: 'webhook', url: 'http://127.0.0.1:9095/logline-alerts' },
    ]);
    expect(rules.map((rule) => rule.name)).toEqual(['payment-critical-burst', 'payment-errors', 'auth-silent', 'new-error-pattern']);
    expect(rules[0]).toMatchObject({
      condition: { kind: 'threshold', threshold: 5 },
      windowMs: 60_000,
      forMs: 0,
      severity: 'critical',
      labels: { team: 'payments' },
      receivers: ['ops-slack', 'incident-hook'],
      search: {
        kind: 'query',
        query: 'level:CRITICAL source:payment',
        filters: {
          fields: [
            { field: 'log_level', values: ['CRITICAL'], prefix: false, negate: false },
            { field: 'source', values: ['payment'], prefix: false, negate: false },
          ],
        },
      },
    });
    expect(rules[1]).toMatchObject({ forMs: 120_000, severity: 'warning', receivers: ['ops-slack'] });
    expect(rules[2]).toMatchObject({ condition: { kind: 'absent' }, windowMs: 600_000, receivers: ['incident-hook'] });
    expect(rules[3]).toMatchObject({ search: { kind: 'query', query: '' }, condition: { kind: 'new_pattern', minLevel: 'ERROR' }, windowMs: 300_000, receivers: ['ops-slack'] });
  });

  it('has no rules when no file is configured, or when the file is empty', () => {
    expect(loadAlertRules(undefined)).toEqual({ rules: [], receivers: [] });
    expect(parseAlertRules('', 'empty.yaml')).toEqual({ rules: [], receivers: [] });
  });

  it('reports every mistake at once, naming the rule or receiver and the field', () => {
    const problems = problemsOf(`
receivers:
  - name: pager
    type: email
    url: ftp://example.com
rules:
  - name: burst
    query: level:CRITICAL
    window: 1 minute
    threshold: -1
    receivers: [pager, nobody]
  - name: quiet
    query: source:auth
    absent: true
    threshold: 3
    window: 5m
  - name: typo
    qurey: level:ERROR
    window: 2d
    severity: urgent
  - name: burst
    query: 'source:'
    threshold: 1
    window: 1m
`);
    expect(problems).toEqual([
      "receiver 'pager' (receivers[0]): type: must be one of webhook, slack, got \"email\"",
      "receiver 'pager' (receivers[0]): url: 'ftp://example.com' is not an http:// or https:// URL",
      "rule 'burst' (rules[0]): threshold: must be a whole number from 0 to 1000000000, got -1",
      "rule 'burst' (rules[0]): window: must be a duration such as 30s, 5m or 1h30m, got \"1 minute\"",
      "rule 'burst' (rules[0]): receivers: no receiver named 'pager' (defined: none)",
      "rule 'burst' (rules[0]): receivers: no receiver named 'nobody' (defined: none)",
      "rule 'quiet' (rules[1]): threshold: give either threshold (fires on more than N matches) or absent: true (fires on none), not both",
      "rule 'typo' (rules[2]): qurey: unknown field (known: name, description, query, saved_search, window, threshold, absent, new_pattern, min_level, for, severity, labels, receivers)",
      "rule 'typo' (rules[2]): query: is required: the search whose matches the rule counts (or saved_search: the name of a saved search)",
      "rule 'typo' (rules[2]): threshold: is required: the rule fires when more than threshold events match in the window (or set absent: true)",
      "rule 'typo' (rules[2]): window: must be from 1s to 1d",
      "rule 'typo' (rules[2]): severity: must be one of critical, warning, info, got \"urgent\"",
      "rules[3]: name: 'burst' is used by an earlier rule",
      "rule 'burst' (rules[3]): query: 'source:' needs a value at position 0",
    ]);
  });

  it('reads a new-pattern rule (query optional, min_level any level name or alias) and refuses it mixed with a count', () => {
    const { rules } = parseAlertRules('rules:\n  - { name: fresh, new_pattern: true, min_level: warn, window: 10m }\n', 'rules.yaml');
    expect(rules[0]).toMatchObject({ search: { kind: 'query', query: '' }, condition: { kind: 'new_pattern', minLevel: 'WARNING' }, windowMs: 600_000 });
    expect(problemsOf(`rules:
  - { name: both, new_pattern: true, threshold: 3, window: 1m }
  - { name: loud, new_pattern: true, min_level: LOUD, window: 1m }
  - { name: stray, query: boom, threshold: 1, min_level: ERROR, window: 1m }
`)).toEqual([
      "rule 'both' (rules[0]): new_pattern: give one of threshold, absent: true or new_pattern: true",
      "rule 'loud' (rules[1]): min_level: 'LOUD' is not a level (DEBUG, INFO, WARNING, ERROR, CRITICAL, or an alias such as warn)",
      "rule 'stray' (rules[2]): min_level: applies to new_pattern: true rules only",
    ]);
  });

  it('takes a saved search by name instead of a query, and not both', () => {
    const { rules } = parseAlertRules('rules:\n  - { name: slow, saved_search: "Slow payments", threshold: 3, window: 5m }\n', 'rules.yaml');
    expect(rules[0].search).toEqual({ kind: 'saved_search', name: 'Slow payments' });
    expect(problemsOf('rules:\n  - { name: both, query: x, saved_search: y, threshold: 1, window: 1m }\n')).toEqual([
      "rule 'both' (rules[0]): saved_search: give either query or saved_search (the name of a saved search), not both",
    ]);
  });

  it('refuses two rules with one name, and says which came first', () => {
    const rule = (name: string) => `  - { name: ${name}, query: boom, threshold: 1, window: 1m }\n`;
    expect(problemsOf(`rules:\n${rule('dup')}${rule('dup')}`)).toEqual(["rules[1]: name: 'dup' is used by an earlier rule"]);
  });

  it('points at the line of a YAML syntax error, and at an unreadable file', () => {
    expect(problemsOf('rules:\n  - name: a\n   query: b\n')[0]).toMatch(/^not valid YAML: .*line 3/s);
    const dir = mkdtempSync(join(tmpdir(), 'logline-rules-'));
    try {
      expect(() => loadAlertRules(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml:\n {2}cannot read it: ENOENT/);
      writeFileSync(join(dir, 'list.yaml'), '- a\n- b\n');
      expect(() => loadAlertRules(join(dir, 'list.yaml'))).toThrow('file: must be a mapping of field: value');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
