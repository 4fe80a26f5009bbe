/** Runs a parse rule: the attributes it finds in the message (or an attribute) are added. */
import { compareCodePoints, jsonText, loneSurrogateReason } from '@logline/log-schema';
import { readKeyValues } from '../parse/key-value';
import type { ParseAction } from '../rule';
import { readText, setAttribute, type WorkingEvent } from './working-event';

export function applyParse(action: ParseAction, event: WorkingEvent): void {
  const text = readText(event, action.from);
  if (text === undefined) return;
  for (const [name, value] of parsedFields(action, text)) setAttribute(event, action.prefix + name, value);
}

/**
 * Name and value of each field found, nothing when the text does not have the expected shape.
 * key=value pairs come in the order written (a key written twice ends with its last value);
 * named groups and JSON keys in code-point order, as VRL holds them, so both paths add them (and
 * find a limit exceeded) in the same order.
 */
function parsedFields(action: ParseAction, text: string): Array<[string, string]> {
  if (action.format === 'key_value') return readKeyValues(text);
  if (action.format === 'json') return jsonFields(text).sort(([a], [b]) => compareCodePoints(a, b));
  return action.regex?.captures(text) ?? [];
}

/** The top-level fields of the JSON object from the text's first `{` to its last `}`. */
function jsonFields(text: string): Array<[string, string]> {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) return [];
  const json = text.slice(start, end + 1);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  // VRL's JSON reader refuses unpaired surrogates: neither path takes such text.
  if (value === null || typeof value !== 'object' || Array.isArray(value) || loneSurrogateReason(json, value)) return [];
  return Object.entries(value).map(([key, item]) => [key, typeof item === 'string' ? item : jsonText(item)]);
}
