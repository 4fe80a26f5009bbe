/**
 * RFC 5424 STRUCTURED-DATA: `-`, or elements `[SD-ID NAME="VALUE" ...]` whose values escape `"`,
 * `\` and `]` with a backslash. Each parameter becomes `<SD-ID>.<NAME>`.
 */

export type StructuredData = { ok: true; params: Record<string, string>; end: number } | { ok: false; reason: string };

const SD_NAME = /[^\s=\]"]{1,32}/y;
const PARAM = / ([^\s=\]"]{1,32})="((?:[^"\\]|\\.)*)"/y;

/** Reads the structured data starting at `start` in `text`; `end` is where the message begins. */
export function readStructuredData(text: string, start: number): StructuredData {
  if (text[start] === '-') return { ok: true, params: {}, end: start + 1 };
  const params: Record<string, string> = {};
  let at = start;
  while (text[at] === '[') {
    SD_NAME.lastIndex = at + 1;
    const id = SD_NAME.exec(text);
    if (!id) return fail(at + 1, 'an SD-ID');
    at = SD_NAME.lastIndex;
    for (;;) {
      PARAM.lastIndex = at;
      const param = PARAM.exec(text);
      if (!param) break;
      const value = param[2].replace(/\\(["\\\]])/g, '$1');
      Object.defineProperty(params, `${id[0]}.${param[1]}`, { value, enumerable: true, writable: true, configurable: true });
      at = PARAM.lastIndex;
    }
    if (text[at] !== ']') return fail(at, 'a parameter NAME="VALUE" or "]"');
    at += 1;
  }
  if (at === start) return fail(at, 'structured data ("-" or "[SD-ID ...]")');
  return { ok: true, params, end: at };
}

function fail(at: number, expected: string): StructuredData {
  return { ok: false, reason: `RFC 5424 structured data: expected ${expected} at character ${at + 1}` };
}
