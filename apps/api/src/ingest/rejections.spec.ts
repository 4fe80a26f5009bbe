import { MORE_REJECTIONS_CODE, Rejections } from './rejections';

const refusal = (line: number, code = 'invalid_json') => ({ line, code, reason: `bad line ${line}`, raw: 'x'.repeat(10_000) });

describe('Rejections', () => {
  it('keeps details for the first ones, counts the rest, and summarises them in one dead letter', () => {
    const rejections = new Rejections(2);
    for (let line = 1; line <= 5; line += 1) rejections.add(refusal(line, line === 4 ? 'not_an_object' : 'invalid_json'));
    const batch = rejections.take(true);
    expect(rejections.count).toBe(5);
    expect(batch.details.map((detail) => detail.line)).toEqual([1, 2]);
    expect(batch.details[0].raw.length).toBe(4096);
    expect(batch.counts).toEqual(new Map([['invalid_json', 4], ['not_an_object', 1]]));
    expect(batch.summary).toEqual({
      line: 3,
      code: MORE_REJECTIONS_CODE,
      reason: '3 more lines refused after the first 2 (lines 3 to 5; invalid_json 2, not_an_object 1); only their count is kept',
      raw: '',
    });
  });

  it('hands over only what is new at each take, and the summary only at the last', () => {
    const rejections = new Rejections(1);
    rejections.add(refusal(1));
    rejections.add(refusal(2));
    const first = rejections.take(false);
    rejections.add(refusal(3));
    const last = rejections.take(true);
    expect([first.details.length, first.summary, first.counts.get('invalid_json')]).toEqual([1, undefined, 2]);
    expect([last.details.length, last.counts.get('invalid_json')]).toEqual([0, 1]);
    expect(last.summary?.reason).toMatch(/^2 more lines refused after the first 1 \(lines 2 to 3/);
  });

  it('has no summary when every refusal was kept', () => {
    const rejections = new Rejections(5);
    rejections.add(refusal(1));
    expect(rejections.take(true).summary).toBeUndefined();
  });
});
