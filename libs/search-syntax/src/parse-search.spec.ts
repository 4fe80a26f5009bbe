import { parseSearch } from './parse-search';

describe('parseSearch', () => {
  it('reads words, phrases, field terms, prefixes and exclusions', () => {
    expect(parseSearch('Timeout "Connection  refused" level:err source:pay* -source:auth attributes.user_id:42 -debug')).toEqual({
      text: [
        { words: ['timeout'], negate: false },
        { words: ['connection', 'refused'], phrase: 'Connection  refused', negate: false },
        { words: ['debug'], negate: true },
      ],
      fields: [
        { field: 'log_level', values: ['ERROR'], prefix: false, negate: false },
        { field: 'source', values: ['pay'], prefix: true, negate: false },
        { field: 'source', values: ['auth'], prefix: false, negate: true },
        { field: { attribute: 'user_id' }, values: ['42'], prefix: false, negate: false },
      ],
    });
  });

  it('treats a repeated field as any of its values, and reads quoted values', () => {
    expect(parseSearch('level:error level:critical host:"db 1"')?.fields).toEqual([
      { field: 'log_level', values: ['ERROR', 'CRITICAL'], prefix: false, negate: false },
      { field: 'host', values: ['db 1'], prefix: false, negate: false },
    ]);
  });

  it('accepts escaped quotes inside a phrase', () => {
    expect(parseSearch('"say \\"hi\\" now"')?.text).toEqual([{ words: ['say', 'hi', 'now'], phrase: 'say "hi" now', negate: false }]);
  });

  it('reads every name of a field, and ids in lower case as they are stored', () => {
    expect(parseSearch('producer:gen-1 producer_id:gen-2 trace_id:4BF92F35 span_id:00F0*')?.fields).toEqual([
      { field: 'producer_id', values: ['gen-1', 'gen-2'], prefix: false, negate: false },
      { field: 'trace_id', values: ['4bf92f35'], prefix: false, negate: false },
      { field: 'span_id', values: ['00f0'], prefix: true, negate: false },
    ]);
  });

  it('reads pattern ids whole, in lower case, any of repeated ones, and excluded ones', () => {
    expect(parseSearch('pattern:3F2A9C0D1E4B5A6F pattern:0000000000000001 -pattern:00000000000000ff')?.fields).toEqual([
      { field: 'pattern', values: ['3f2a9c0d1e4b5a6f', '0000000000000001'], prefix: false, negate: false },
      { field: 'pattern', values: ['00000000000000ff'], prefix: false, negate: true },
    ]);
  });

  it('splits a word with punctuation into its words, like the index', () => {
    expect(parseSearch('user_42@example.com')?.text).toEqual([{ words: ['user', '42', 'example', 'com'], negate: false }]);
  });

  it.each([
    ['error "unterminated', /^unterminated quote at position 6$/],
    ['color:red', /^unknown field 'color' \(fields: level, source, host, producer_id, trace_id, span_id, pattern, attributes.<name>; .*\) at position 0$/],
    ['ok level:LOUD', /unknown level 'LOUD'.* at position 3/],
    ['source:', /'source:' needs a value at position 0/],
    ['error pattern:3f2a*', /^'3f2a\*' is not a pattern id \(16 hex digits, as the Patterns view lists them\) at position 6$/],
    ['!!! --', /nothing to search for .* at position 0/],
    ['a "!!!" b', /'!!!' has no letters or digits to search for at position 2/],
    ['error | stats count()', /'\|' starts a stats command .* at position 6/],
  ])('names the position of a mistake in %p', (q, message) => {
    expect(() => parseSearch(q)).toThrow(message);
  });

  it('searches for a quoted pipe', () => {
    expect(parseSearch('"a | b" host:"x|y"')).toEqual({
      text: [{ words: ['a', 'b'], phrase: 'a | b', negate: false }],
      fields: [{ field: 'host', values: ['x|y'], prefix: false, negate: false }],
    });
  });

  it('keeps injection payloads as plain search words', () => {
    expect(parseSearch("'; DROP TABLE logs.application_logs; --")?.text.flatMap((t) => t.words)).toEqual(['drop', 'table', 'logs', 'application']);
  });
});
