import { parseSearchQuery } from './search-query';

describe('parseSearchQuery', () => {
  it('reads words, phrases, field terms, prefixes and exclusions', () => {
    expect(parseSearchQuery('Timeout "Connection  refused" level:err source:pay* -source:auth attributes.user_id:42 -debug')).toEqual({
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

  it('treats a repeated field as any of its values', () => {
    expect(parseSearchQuery('level:error level:critical')?.fields).toEqual([
      { field: 'log_level', values: ['ERROR', 'CRITICAL'], prefix: false, negate: false },
    ]);
  });

  it('accepts quoted field values and escaped quotes', () => {
    expect(parseSearchQuery('host:"db 1" "say \\"hi\\" now"')).toEqual({
      fields: [{ field: 'host', values: ['db 1'], prefix: false, negate: false }],
      text: [{ words: ['say', 'hi', 'now'], phrase: 'say "hi" now', negate: false }],
    });
  });

  it('splits a word with punctuation into its words, like the index', () => {
    expect(parseSearchQuery('user_42@example.com')?.text).toEqual([{ words: ['user', '42', 'example', 'com'], negate: false }]);
  });

  it.each([
    ['error "unterminated', /unterminated quote at position 6/],
    ['color:red', /unknown field 'color'.* at position 0/],
    ['ok level:LOUD', /unknown level 'LOUD'.* at position 3/],
    ['source:', /'source:' needs a value at position 0/],
    ['!!! --', /nothing to search for .* at position 0/],
    ['a "!!!" b', /'!!!' has no letters or digits to search for at position 2/],
  ])('names the position of a mistake in %p', (q, message) => {
    expect(() => parseSearchQuery(q)).toThrow(message);
  });

  it('keeps injection payloads as plain search words', () => {
    expect(parseSearchQuery("'; DROP TABLE logs.application_logs; --")?.text.flatMap((t) => t.words)).toEqual([
      'drop', 'table', 'logs', 'application', 'logs',
    ].filter((w, i, all) => all.indexOf(w) === i));
  });
});
