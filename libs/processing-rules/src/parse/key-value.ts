/**
 * `key=value` pairs in text, as a parse rule with `key_value: true` reads them: pairs separated by
 * whitespace, `,` or `;`; a key starts with a letter or `_` and may hold letters, digits, `_ . -`;
 * a value is a run up to the next separator, or a double-quoted text where `\"` and `\\` escape.
 * A key seen twice keeps its last value.
 */
export const KEY_VALUE_PATTERN = String.raw`(?:^|[\s,;])(?P<key>[A-Za-z_][0-9A-Za-z_.\-]*)=(?:"(?P<quoted>(?:[^"\\]|\\.)*)"|(?P<bare>[^\s,;"]*))`;

/** The text of a quoted value without its escapes (`\"` -> `"`). */
export function unescapeQuoted(text: string): string {
  return text.replace(/\\(.)/gs, '$1');
}
