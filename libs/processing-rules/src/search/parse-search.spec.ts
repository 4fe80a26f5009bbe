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

  it.each([
    ['error "unterminated', /unterminated quote at position 6/],
    ['color:red', /unknown field 'color'.* at position 0/],
    ['ok level:LOUD', /unknown level 'LOUD'.* at position 3/],
    ['source:', /'source:' needs a value at position 0/],
    ['!!! --', /nothing to search for .* at position 0/],
  ])('names the position of a mistake in %p', (q, message) => {
    expect(() => parseSearch(q)).toThrow(message);
  });
});
