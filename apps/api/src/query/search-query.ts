/**
 * The explorer's search syntax, parsed into filter terms (values stay data; SQL binds them):
 *   timeout refused          words that must all appear in the message (whole words, any case)
 *   "connection refused"     an exact phrase (case-insensitive)
 *   level:ERROR source:pay*  field terms: level, source, host, producer_id, trace_id, span_id,
 *                            attributes.<name>;
 *                            `*` at the end matches a prefix; repeating a field means any of them
 *   attributes.user_id:42    an attribute's value; quote values with spaces: host:"db 1"
 *   -word -"phrase" -source:auth   excludes what follows the minus
 * A word is a maximal run of ASCII letters and digits, as ClickHouse's text index splits them;
 * bare punctuation between terms is ignored.
 */
import type { FieldTerm, LogField, TextTerm } from '@logline/ch-client';
import { toLogLevel } from '@logline/log-schema';
import { BadRequestError } from '../errors';

export interface ParsedSearch {
  text: TextTerm[];
  fields: FieldTerm[];
}

const FIELDS: Record<string, LogField> = {
  level: 'log_level',
  log_level: 'log_level',
  source: 'source',
  host: 'host',
  producer_id: 'producer_id',
  trace_id: 'trace_id',
  span_id: 'span_id',
};
const FIELD_NAME = /^(?:[A-Za-z_][A-Za-z0-9_]*|attributes\.[^\s:"]+)$/;
const MAX_TERMS = 32;

class SyntaxError extends BadRequestError {
  constructor(message: string, position: number) {
    super(`q: ${message} at position ${position}`);
  }
}

export function parseSearchQuery(q: string | undefined): ParsedSearch | undefined {
  if (q === undefined || q.trim() === '') return undefined;
  const parsed: ParsedSearch = { text: [], fields: [] };
  let i = 0;
  let terms = 0;
  while (i < q.length) {
    if (/\s/.test(q[i])) {
      i += 1;
      continue;
    }
    if (++terms > MAX_TERMS) throw new SyntaxError(`more than ${MAX_TERMS} terms`, i);
    const start = i;
    const negate = q[i] === '-' && i + 1 < q.length && !/\s/.test(q[i + 1]);
    if (negate) i += 1;
    if (q[i] === '"') {
      const phrase = readQuoted(q, i);
      parsed.text.push(textTerm(phrase.value, true, negate, start));
      i = phrase.end;
      continue;
    }
    let end = i;
    while (end < q.length && !/\s/.test(q[end]) && q[end] !== '"') end += 1;
    const bare = q.slice(i, end);
    const colon = bare.indexOf(':');
    if (colon > 0 && FIELD_NAME.test(bare.slice(0, colon))) {
      let value = bare.slice(colon + 1);
      if (value === '' && q[end] === '"') {
        const quoted = readQuoted(q, end);
        value = quoted.value;
        end = quoted.end;
      }
      addField(parsed, bare.slice(0, colon), value, negate, start);
    } else if (/[A-Za-z0-9]/.test(bare)) {
      parsed.text.push(textTerm(bare, false, negate, start));
    }
    i = end;
  }
  if (parsed.text.length === 0 && parsed.fields.length === 0) {
    throw new SyntaxError('nothing to search for (no letters or digits)', 0);
  }
  return parsed;
}

function readQuoted(q: string, open: number): { value: string; end: number } {
  let value = '';
  for (let i = open + 1; i < q.length; i += 1) {
    if (q[i] === '\\' && i + 1 < q.length) value += q[++i];
    else if (q[i] === '"') return { value, end: i + 1 };
    else value += q[i];
  }
  throw new SyntaxError('unterminated quote', open);
}

function textTerm(text: string, isPhrase: boolean, negate: boolean, position: number): TextTerm {
  const words = [...new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? [])];
  if (words.length === 0) {
    throw new SyntaxError(`'${text.slice(0, 40)}' has no letters or digits to search for`, position);
  }
  return isPhrase && words.length > 1 ? { words, phrase: text, negate } : { words, negate };
}

function addField(parsed: ParsedSearch, name: string, rawValue: string, negate: boolean, position: number): void {
  const attribute = name.startsWith('attributes.') ? name.slice('attributes.'.length) : undefined;
  const field = attribute !== undefined ? { attribute } : FIELDS[name];
  if (!field) {
    throw new SyntaxError(
      `unknown field '${name}' (fields: level, source, host, producer_id, trace_id, span_id, attributes.<name>; quote text to search for it)`,
      position,
    );
  }
  if (rawValue === '') throw new SyntaxError(`'${name}:' needs a value`, position);
  const prefix = rawValue.endsWith('*') && field !== 'log_level';
  let value = prefix ? rawValue.slice(0, -1) : rawValue;
  if (field === 'log_level') {
    const level = toLogLevel(value);
    if (!level) throw new SyntaxError(`unknown level '${value.slice(0, 32)}' (DEBUG, INFO, WARNING, ERROR, CRITICAL)`, position);
    value = level;
  }
  // Ids are stored in lower case; hex digits match in any case.
  if (field === 'trace_id' || field === 'span_id') value = value.toLowerCase();
  const existing = parsed.fields.find(
    (term) => !negate && !term.negate && !term.prefix && !prefix && JSON.stringify(term.field) === JSON.stringify(field),
  );
  if (existing) (existing.values as string[]).push(value);
  else parsed.fields.push({ field, values: [value], prefix, negate });
}
