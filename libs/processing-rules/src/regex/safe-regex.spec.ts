import { compileSafeRegex, compileSafeRegexSet, MAX_PATTERN_LENGTH } from './safe-regex';
import { toRustRegex } from './rust-regex-syntax';

describe('compileSafeRegex', () => {
  it('runs a catastrophic backtracking pattern over a long text in linear time', () => {
    // A backtracking engine (JavaScript's RegExp, PCRE) takes ~2^n steps here; RE2 one pass.
    const regex = compileSafeRegex('(?P<run>(a+)+)$');
    const text = `${'a'.repeat(100_000)}!`;
    expect(regex.captures(text)).toBeUndefined();
    expect(regex.captures('aaab')).toBeUndefined();
    expect(regex.captures('xaaa')).toEqual([['run', 'aaa']]);
  });

  it('runs nested repetitions that would hang a backtracking engine', () => {
    const regex = compileSafeRegex('^(?P<x>(\\w+\\s?)*)$');
    expect(regex.captures(`${'word '.repeat(20_000)}!`)).toBeUndefined();
  });

  it('gives the named groups of the first match in code-point order, leaving out those that took no part', () => {
    const regex = compileSafeRegex('(?P<zeta>\\d+)(?: (?P<alpha>[a-z]+))?(?: (?P<Beta>[A-Z]+))?');
    expect(regex.captures('id 42 abc, 7 XY')).toEqual([['alpha', 'abc'], ['zeta', '42']]);
    expect(regex.captures('no digits')).toBeUndefined();
  });

  it('tells in one pass which of several patterns match, named groups of the same name allowed', () => {
    const set = compileSafeRegexSet(['(?P<secret>\\d{4})', '(?i)token=(?P<secret>\\w+)', '^end$'].map(compileSafeRegex));
    expect(set.matching('TOKEN=abc and 1234')).toEqual([0, 1]);
    expect(set.matching('end')).toEqual([2]);
    expect(set.matching('nothing here')).toEqual([]);
  });

  it('refuses patterns RE2 cannot run in linear time, and overly long ones', () => {
    expect(() => compileSafeRegex('(?=look)ahead')).toThrow(/invalid or unsupported Perl syntax/);
    expect(() => compileSafeRegex('(a)\\1')).toThrow(/invalid escape sequence/);
    expect(() => compileSafeRegex('((a{100}){100}){100}')).toThrow(/invalid repeat count/);
    expect(() => compileSafeRegex('a'.repeat(MAX_PATTERN_LENGTH + 1))).toThrow(/the limit is 4096/);
  });

  it('gives matches, groups and positions as RegExp does', () => {
    const regex = compileSafeRegex('(?P<key>[a-z]+)=(?P<value>\\d+)?');
    expect([...regex.matchAll('a=1 b= c=3')].map((match) => [match.index, match.groups])).toEqual([
      [0, { key: 'a', value: '1' }],
      [4, { key: 'b', value: undefined }],
      [7, { key: 'c', value: '3' }],
    ]);
    expect(regex.groupNames).toEqual(['key', 'value']);
  });
});

describe('toRustRegex', () => {
  it.each([
    ['\\d+\\.\\w*\\s', '[0-9]+\\.[0-9A-Za-z_]*[\\t\\n\\f\\r ]'],
    ['[\\d.\\w-]', '[0-9.0-9A-Za-z_-]'],
    ['\\bword\\B', '(?-u:\\b)word(?-u:\\B)'],
    ['\\D\\W\\S', '[^0-9][^0-9A-Za-z_][^\\t\\n\\f\\r ]'],
    ['[]a][^]b]', '[]a][^]b]'],
    ['[[:alpha:]_]+', '[[:alpha:]_]+'],
    ['\\p{Greek}\\x{263a}{2,3}', '\\p{Greek}\\x{263a}{2,3}'],
    ['(?i)(?P<name>a{2})\\{', '(?i)(?P<name>a{2})\\{'],
    ["it's [']\\'", 'it\\x27s [\\x27]\\x27'],
  ])('writes %p as %p for Rust, where \\d \\w \\s \\b are Unicode-aware', (pattern, rust) => {
    expect(toRustRegex(pattern)).toBe(rust);
  });
});
