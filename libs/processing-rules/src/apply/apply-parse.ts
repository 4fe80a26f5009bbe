/** Runs a parse rule: the attributes it finds in the message (or an attribute) are added. */
import { jsonText, loneSurrogateReason } from '@logline/log-schema';
import { unescapeQuoted } from '../parse/key-value';
import type { ParseAction } from '../rule';
import { readText, setAttribute, type WorkingEvent } from './working-event';

export function applyParse(action: ParseAction, event: WorkingEvent): void {
  const text = readText(event, action.from);
  if (text === undefined) return;
  for (const [name, value] of parsedFields(action, text)) setAttribute(event, action.prefix + name, value);
}

/** Name and value of each field found; nothing when the text does not have the expected shape. */
function parsedFields(action: ParseAction, text: string): Array<[string, string]> {
  if (action.format === 'json') return jsonFields(text);
  const regex = action.regex;
  if (regex === undefined) return [];
  if (action.format === 'key_value') {
    return [...regex.matchAll(text)].map((match) => {
      const { key, quoted, bare } = match.groups as Record<string, string | undefined>;
      return [key as string, quoted === undefined ? (bare as string) : unescapeQuoted(quoted)];
    });
  }
  const match = regex.exec(text);
  if (match === null) return [];
  return Object.entries(match.groups ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined);
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
