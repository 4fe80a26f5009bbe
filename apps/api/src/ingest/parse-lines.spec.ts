import { parseIngestBody } from './parse-lines';

const good = (seq: number) =>
  JSON.stringify({ timestamp: '2026-11-28T17:00:00.000Z', level: 'info', message: `m${seq}`, source: 'auth', seq });

describe('parseIngestBody', () => {
  it('keeps valid lines and names each bad line with its number and reason', () => {
    const body = Buffer.from([good(0), '{"broken', good(1), JSON.stringify({ message: 5 }), good(2)].join('\n') + '\n');
    const parsed = parseIngestBody(body, 1 << 20);
    expect(parsed.rows).toHaveLength(3);
    expect(parsed.rejections.map((r) => [r.line, r.code])).toEqual([[2, 'invalid_json'], [4, 'missing_field']]);
    expect(parsed.rejections[0].reason).toMatch(/^invalid JSON: /);
  });

  it('counts blank lines without rejecting them, and accepts CRLF', () => {
    const parsed = parseIngestBody(Buffer.from(`\r\n${good(0)}\r\n\n{"x":1}\r\n`), 1 << 20);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rejections.map((r) => r.line)).toEqual([4]);
  });

  it('rejects a line over the size limit and one that is not UTF-8', () => {
    const body = Buffer.concat([
      Buffer.from(`${good(0)}\n{"message":"${'x'.repeat(2000)}"}\n`),
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]),
      Buffer.from(good(1)),
    ]);
    const parsed = parseIngestBody(body, 1024);
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rejections.map((r) => [r.line, r.code])).toEqual([[2, 'too_large'], [3, 'invalid_utf8']]);
  });

  it('accepts a JSON array, element N being line N', () => {
    const parsed = parseIngestBody(Buffer.from(` [${good(0)}, 7, ${good(1)}]`), 1 << 20);
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rejections).toEqual([expect.objectContaining({ line: 2, code: 'not_an_object' })]);
  });
});
