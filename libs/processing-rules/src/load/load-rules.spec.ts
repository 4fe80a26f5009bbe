import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProcessingRules, parseProcessingRules, ProcessingRulesError } from './load-rules';

function problemsOf(text: string): readonly string[] {
  try {
    parseProcessingRules(text, 'rules.yaml');
  } catch (error) {
    if (error instanceof ProcessingRulesError) return error.problems;
    throw error;
  }
  throw new Error('expected the rules to be refused');
}

describe('loadProcessingRules', () => {
  it('loads the example file of config/, every action in it', () => {
    const file = join(__dirname, '../../../../config/processing-rules.example.yaml');
    const { rules } = loadProcessingRules(file);
    const firstRuleLine = readFileSync(file, 'utf8').split('\n').indexOf('  - name: drop-health-checks') + 1;
    expect(new Set(rules.map((rule) => rule.action.kind))).toEqual(new Set(['drop', 'parse', 'set', 'redact', 'sample', 'rename', 'remove']));
    expect(rules[0]).toMatchObject({ name: 'drop-health-checks', line: firstRuleLine, when: { text: 'source:lb "GET /healthz"' } });
  });

  it('takes a file without rules as no rules', () => {
    expect(parseProcessingRules('', 'empty.yaml').rules).toEqual([]);
    expect(parseProcessingRules('rules: []\n', 'empty.yaml').rules).toEqual([]);
  });

  it('says when the file cannot be read', () => {
    expect(() => loadProcessingRules('/nonexistent/rules.yaml')).toThrow(/processing rules file \/nonexistent\/rules.yaml:\n {2}cannot read it/);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problemsOf('rules:\n  - name: a\n    drop: [true\n')).toEqual([expect.stringMatching(/^not valid YAML: line \d+: /)]);
  });

  it('reports every problem at once, each with its line and rule', () => {
    const text = [
      'rules:',
      '  - name: bad-regex',
      '    parse:',
      "      regex: '(?P<user>\\w+'",
      '  - name: no-action',
      '    when: source:x',
      '  - name: two-actions',
      '    drop: true',
      '    sample: 0.5',
      '  - name: bad-search',
      '    when: color:red',
      '    drop: true',
      '  - name: drop-all',
      '    drop: true',
      '  - name: bad-set',
      '    set: { log_level: "" , colour: x }',
      '  - name: bad-redact',
      '    redact: { detectors: [passport], keep_last: 100 }',
      '  - name: bad-regex',
      '    remove: [x]',
      '  - name: blank-when',
      "    when: '   '",
      '    drop: true',
      '  - name: bad-rename',
      '    rename: { a: 7 }',
      '  - name: by-pattern',
      '    when: pattern:3f2a9c0d1e4b5a6f',
      '    drop: true',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      "line 4: rule 'bad-regex': parse.regex: missing closing ): `(?P<user>\\w+`",
      "line 5: rule 'no-action': name: a rule does exactly one of parse, set, redact, drop, sample, rename, remove; this one has none",
      "line 9: rule 'two-actions': sample: a rule does exactly one of parse, set, redact, drop, sample, rename, remove; this one has drop and sample",
      "line 11: rule 'bad-search': when: unknown field 'color' (fields: level, source, host, producer_id, trace_id, span_id, pattern, attributes.<name>; quote text to search for it) at position 0",
      "line 14: rule 'drop-all': drop: needs `when:`, the search of the events to drop (dropping every event is surely a mistake)",
      "line 16: rule 'bad-set': set.colour: unknown field (known: timestamp, log_level, source, host)",
      "line 16: rule 'bad-set': set.log_level: must be a non-empty text",
      "line 18: rule 'bad-redact': redact.detectors: unknown detector 'passport' (known: card_number, email, bearer_token, api_key, ip)",
      "line 18: rule 'bad-redact': redact.keep_last: must be a whole number from 0 to 64, got 100",
      "line 19: rule 'bad-regex': name: is used by the rule at line 2",
      "line 22: rule 'blank-when': when: must be a non-empty text",
      "line 25: rule 'bad-rename': rename.a: the new name must be an attribute name of 1 to 256 bytes",
      "line 27: rule 'by-pattern': when: 'pattern:' cannot be used here: processing rules run before an event's pattern is derived from its (possibly rewritten) message; filter by pattern in searches and alert rules instead",
    ]);
  });

  it.each([
    ['lookbehind', '(?<=user=)\\w+', /invalid named capture/],
    ['a backreference', '(?P<a>x)\\1', /\\1 is not supported|invalid escape/],
    ['\\Q...\\E', '(?P<a>\\Qa.b\\E)', /\\Q is not supported/],
    ['a nested class', '(?P<a>[[a-z]])', /'\[' inside \[...\] must be escaped/],
    ['a class set operation', '(?P<a>[a-z&&[^aeiou]])', /inside \[\.\.\.\]/],
    ['a literal brace', '(?P<a>x{)', /a literal '\{' must be escaped/],
    ['\\D inside a class', '(?P<a>[\\D.])', /\\D inside \[\.\.\.\] is not supported/],
    ['no named group', '\\w+', /has no named group/],
  ])('refuses a regex with %s', (_case, pattern, message) => {
    const problems = problemsOf(`rules:\n  - name: r\n    parse:\n      regex: '${pattern}'\n`);
    expect(problems).toEqual([expect.stringMatching(/^line 4: rule 'r': parse\.regex: /)]);
    expect(problems[0]).toMatch(message);
  });

  it('refuses an unknown grok pattern, naming the known ones', () => {
    expect(problemsOf("rules:\n  - name: g\n    parse: { grok: '%{IPADDR:client}' }\n")[0]).toMatch(
      /^line 3: rule 'g': parse\.grok: unknown grok pattern '%\{IPADDR\}' \(known: INT, /,
    );
  });
});
