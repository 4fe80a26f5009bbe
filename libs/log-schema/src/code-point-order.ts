/**
 * Orders texts by their Unicode code points: the order of their UTF-8 bytes, in which Vector's
 * VRL keeps map keys. JavaScript's own `<` compares UTF-16 code units, which puts characters above
 * U+FFFF (surrogate pairs) before U+E000..U+FFFF; this comparison moves them after, without
 * encoding either text.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (0xD800-0xDFFF) ranked above 0xE000-0xFFFF; order within each range kept. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  return unit >= 0xe000 ? unit - 0x800 : unit;
}
