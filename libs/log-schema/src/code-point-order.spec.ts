import { compareCodePoints } from './code-point-order';

describe('compareCodePoints', () => {
  it('orders texts as their UTF-8 bytes sort, characters above U+FFFF after U+E000..U+FFFF', () => {
    const texts = ['b', 'a', '', 'ab', 'A', 'é', '\uffff', '😀', '\ue000x', '😀a', 'z', '中', '\ud7ff'];
    const byBytes = [...texts].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect([...texts].sort(compareCodePoints)).toEqual(byBytes);
    expect(byBytes.indexOf('😀')).toBeGreaterThan(byBytes.indexOf('\uffff'));
  });
});
