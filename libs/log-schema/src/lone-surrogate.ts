/**
 * JSON text may escape half of a UTF-16 surrogate pair (`"\ud800"`). JSON.parse accepts it, but it
 * is not Unicode: Vector's JSON parser refuses the line, and ClickHouse refuses the whole insert
 * that holds it. The api refuses such a line as Vector does (invalid_json), before it can spoil
 * a batch of other producers' events.
 */

const LONE_SURROGATE = /\p{Surrogate}/u;

/** True when the text holds a surrogate without its pair. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/**
 * Why a decoded line must be refused, or undefined when it is fine. `text` is the line's JSON
 * text: only text with a `\u` escape can hold a lone surrogate, so others are not walked.
 */
export function loneSurrogateReason(text: string, value: unknown): string | undefined {
  return text.includes('\\u') ? loneSurrogateIn(value) : undefined;
}

/** Why a decoded value must be refused (a string in it holds a lone surrogate), or undefined. */
export function loneSurrogateIn(value: unknown): string | undefined {
  const where = findLoneSurrogate(value, '');
  return where === undefined
    ? undefined
    : `invalid JSON: ${where || 'the event'} holds a lone surrogate (a \\ud800-\\udfff escape without its pair), which is not Unicode`;
}

function findLoneSurrogate(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    if (hasLoneSurrogate(key)) return `the name ${JSON.stringify(key)}`;
    const found = findLoneSurrogate(item, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}
