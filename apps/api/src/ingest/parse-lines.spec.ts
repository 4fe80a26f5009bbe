import { countBodyLines, emptyParsedLines, lineLimits, parseIngestBody, type LineLimits } from './parse-lines';
import { Rejections } from './rejections';

const NOW = Date.UTC(2026, 10, 28, 18, 0, 0);
const limits = (maxLineBytes = 1 << 20) => lineLimits({ maxLineBytes, retentionDays: 30, maxFutureSeconds: 86_400, processingRules: { rules: [] } }, NOW);

const good = (seq: number) =>
  JSON.stringify({ timestamp: '2026-11-28T17:00:00.000Z', level: 'info', message: `m${seq}`, source: 'auth', seq });

/** Parses a body; `rejections` are the refusals kept with details. */
function parse(body: Buffer, lineLimits: LineLimits) {
  const out = emptyParsedLines(new Rejections(1000));
  parseIngestBody(body, lineLimits, out);
  return { rows: out.rows, rejections: out.rejections.kept };
}

describe('parseIngestBody', () => {
  it('keeps valid lines and names each bad line with its number and reason', () => {
    const body = Buffer.from([good(0), '{"broken', good(1), JSON.stringify({ message: 5 }), good(2)].join('\n') + '\n');
    const parsed = parse(body, limits());
    expect(parsed.rows).toHaveLength(3);
    expect(parsed.rejections.map((r) => [r.line, r.code])).toEqual([[2, 'invalid_json'], [4, 'missing_field']]);
    expect(parsed.rejections[0].reason).toMatch(/^invalid JSON: /);
  });

  it('counts blank lines without rejecting them, and accepts CRLF', () => {
    const parsed = parse(Buffer.from(`\r\n${good(0)}\r\n\n{"x":1}\r\n`), limits());
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rejections.map((r) => r.line)).toEqual([4]);
  });

  it('rejects a line over the size limit and one that is not UTF-8', () => {
    const body = Buffer.concat([
      Buffer.from(`${good(0)}\n{"message":"${'x'.repeat(2000)}"}\n`),
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]),
      Buffer.from(good(1)),
    ]);
    const parsed = parse(body, limits(1024));
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rejections.map((r) => [r.line, r.code])).toEqual([[2, 'too_large'], [3, 'invalid_utf8']]);
  });

  it('accepts a JSON array, element N being line N', () => {
    const parsed = parse(Buffer.from(` [${good(0)}, 7, ${good(1)}]`), limits());
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rejections).toEqual([expect.objectContaining({ line: 2, code: 'not_an_object' })]);
  });

  it('parses each array element on its own: a broken one is refused, the others kept', () => {
    const parsed = parse(Buffer.from(`[${good(0)}, {"broken": tru}, ${good(1)}, "a ] in a string"]`), limits());
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rejections.map((r) => [r.line, r.code])).toEqual([[2, 'invalid_json'], [4, 'not_an_object']]);
  });

  it.each([
    ['[1, 2', 'the array is not closed'],
    ['[1,,2]', 'element 2 is empty'],
    ['[1] [2]', 'unexpected text after the array'],
  ])('refuses the malformed array %s as a whole', (text, reason) => {
    const parsed = parse(Buffer.from(text), limits());
    expect(parsed.rows).toHaveLength(0);
    expect(parsed.rejections).toEqual([expect.objectContaining({ line: 1, code: 'invalid_json', reason: `invalid JSON: ${reason}` })]);
  });

  it('refuses timestamps older than the retention or too far in the future, keeping the rest', () => {
    const at = (timestamp: string) => JSON.stringify({ ...JSON.parse(good(0)), timestamp });
    const parsed = parse(Buffer.from([at('2005-12-04T04:47:44Z'), good(1), at('2030-01-01T00:00:00Z')].join('\n')), limits());
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rejections.map((r) => [r.line, r.code])).toEqual([[1, 'out_of_range'], [3, 'out_of_range']]);
    expect(parsed.rejections[0].reason).toMatch(/older than the retention/);
  });
});

describe('countBodyLines', () => {
  it('counts NDJSON lines as they are numbered, blank ones included', () => {
    expect(countBodyLines(Buffer.from('a\n\nb\n'), 10)).toBe(3);
    expect(countBodyLines(Buffer.from('a\nb'), 10)).toBe(2);
  });

  it('counts array elements, a malformed array as one', () => {
    expect(countBodyLines(Buffer.from('[1, {"a": [2, 3]}, "x,y"]'), 10)).toBe(3);
    expect(countBodyLines(Buffer.from('[1, 2'), 10)).toBe(1);
  });

  it('stops counting past the limit', () => {
    expect(countBodyLines(Buffer.from('1\n'.repeat(1000)), 10)).toBe(11);
    expect(countBodyLines(Buffer.from(`[${'1,'.repeat(999)}1]`), 10)).toBe(11);
  });
});
