/**
 * `key=value` pairs in text, as a parse rule with `key_value: true` reads them: pairs separated by
 * whitespace, `,` or `;`; a key starts with a letter or `_` and may hold letters, digits, `_ . -`;
 * a value is a run up to the next separator, or a double-quoted text where `\"` and `\\` escape.
 * A key written twice ends with its last value.
 *
 * The pattern is fixed and runs in linear time on a backtracking engine too (a key starts only
 * after a separator, and the quoted value's alternatives start with different characters), so
 * the api runs it on JavaScript's RegExp, some 20 times faster than on re2js. It is written so
 * that RE2, Rust (VRL) and JavaScript read it alike: no \s or \w, whose meaning differs.
 */
const SEPARATOR = '\\t\\n\\f\\r ,;';

/** In RE2 syntax, for VRL. */
export const KEY_VALUE_PATTERN = `(?:^|[${SEPARATOR}])(?P<key>[A-Za-z_][0-9A-Za-z_.\\-]*)=(?:"(?P<quoted>(?:[^"\\\\]|\\\\.)*)"|(?P<bare>[^${SEPARATOR}"]*))`;

const KEY_VALUE = new RegExp(KEY_VALUE_PATTERN.replaceAll('(?P<', '(?<'), 'g');

/** The pairs in `text`, in the order written. */
export function readKeyValues(text: string): Array<[string, string]> {
  return [...text.matchAll(KEY_VALUE)].map((match) => {
    const { key, quoted, bare } = match.groups as Record<string, string | undefined>;
    return [key as string, quoted === undefined ? (bare as string) : unescapeQuoted(quoted)];
  });
}

/** The text of a quoted value without its escapes (`\"` -> `"`). */
function unescapeQuoted(text: string): string {
  return text.replace(/\\(.)/gs, '$1');
}
