/**
 * The search syntax of the explorer, the api's `q`, alert rules and processing rules' `when`,
 * parsed into terms (values stay data; SQL binds them):
 *   timeout refused          words that must all appear in the message (whole words, any case)
 *   "connection refused"     an exact phrase (case-insensitive)
 *   level:ERROR source:pay*  field terms (LOG_FIELDS, attributes.<name>); `*` at the end matches
 *                            a prefix; repeating a field means any of its values
 *   attributes.user_id:42    an attribute's value; quote values with spaces: host:"db 1"
 *   pattern:3f2a9c0d1e4b5a6f the events of a pattern, by the id the Patterns view lists (whole
 *                            ids only: no prefix)
 *   -word -"phrase" -source:auth   excludes what follows the minus
 * A word is a maximal run of ASCII letters and digits, as ClickHouse's text index splits them;
 * bare punctuation between terms is ignored. A `|` outside quotes starts a stats command, which
 * only parseStatsQuery takes.
 */
import { isPatternId } from '@logline/log-patterns';
import { toLogLevel } from '@logline/log-schema';
import { findPipe } from './find-pipe';
import { FIELD_NAMES_TEXT, fieldNamed, PATTERN_FIELD, type EventField } from './log-fields';
import { SearchSyntaxError } from './search-syntax-error';

/** `field:value` terms: the field equals one of the values (or starts with one, for prefixes). */
export interface FieldTerm {
  field: EventField;
  values: readonly string[];
  /** Values are prefixes (`source:pay*`). */
  prefix: boolean;
  negate: boolean;
}

/** Words (and optionally an exact phrase) that must appear in the message. */
export interface TextTerm {
  /** Lower-case ASCII words; every one must be a whole word of the message. */
  words: readonly string[];
  /** When set, the message also contains this text (case-insensitive). */
  phrase?: string;
  negate: boolean;
}

export interface ParsedSearch {
  text: TextTerm[];
  fields: FieldTerm[];
}

const FIELD_NAME = /^(?:[A-Za-z_][A-Za-z0-9_]*|attributes\.[^\s:"]+)$/;
const MAX_TERMS = 32;

/** Parses a search; undefined for a blank one. Throws SearchSyntaxError. */
export function parseSearch(q: string | undefined): ParsedSearch | undefined {
  if (q === undefined || q.trim() === '') return undefined;
  const pipe = findPipe(q);
  if (pipe !== undefined) {
    throw new SearchSyntaxError("'|' starts a stats command (… | stats count() by source), which is not taken here; quote \"|\" to search for it", pipe);
  }
  const parsed: ParsedSearch = { text: [], fields: [] };
  let i = 0;
  let terms = 0;
  while (i < q.length) {
    if (/\s/.test(q[i])) {
      i += 1;
      continue;
    }
    if (++terms > MAX_TERMS) throw new SearchSyntaxError(`more than ${MAX_TERMS} terms`, i);
    i = readTerm(q, i, parsed);
  }
  if (parsed.text.length === 0 && parsed.fields.length === 0) {
    throw new SearchSyntaxError('nothing to search for (no letters or digits)', 0);
  }
  return parsed;
}

/** Reads the term starting at `start` into `parsed`; returns where the next one may start. */
function readTerm(q: string, start: number, parsed: ParsedSearch): number {
  let i = start;
  const negate = q[i] === '-' && i + 1 < q.length && !/\s/.test(q[i + 1]);
  if (negate) i += 1;
  if (q[i] === '"') {
    const phrase = readQuoted(q, i);
    parsed.text.push(textTerm(phrase.value, true, negate, start));
    return phrase.end;
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
  return end;
}

function readQuoted(q: string, open: number): { value: string; end: number } {
  let value = '';
  for (let i = open + 1; i < q.length; i += 1) {
    if (q[i] === '\\' && i + 1 < q.length) value += q[++i];
    else if (q[i] === '"') return { value, end: i + 1 };
    else value += q[i];
  }
  throw new SearchSyntaxError('unterminated quote', open);
}

function textTerm(text: string, isPhrase: boolean, negate: boolean, position: number): TextTerm {
  const words = [...new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? [])];
  if (words.length === 0) {
    throw new SearchSyntaxError(`'${text.slice(0, 40)}' has no letters or digits to search for`, position);
  }
  return isPhrase && words.length > 1 ? { words, phrase: text, negate } : { words, negate };
}

function addField(parsed: ParsedSearch, name: string, rawValue: string, negate: boolean, position: number): void {
  const field = fieldNamed(name);
  if (!field) {
    throw new SearchSyntaxError(`unknown field '${name}' (fields: ${FIELD_NAMES_TEXT}; quote text to search for it)`, position);
  }
  if (rawValue === '') throw new SearchSyntaxError(`'${name}:' needs a value`, position);
  const prefix = rawValue.endsWith('*') && field !== 'log_level' && field !== PATTERN_FIELD;
  const value = fieldValue(field, prefix ? rawValue.slice(0, -1) : rawValue, position);
  const existing = parsed.fields.find(
    (term) => !negate && !term.negate && !term.prefix && !prefix && JSON.stringify(term.field) === JSON.stringify(field),
  );
  if (existing) (existing.values as string[]).push(value);
  else parsed.fields.push({ field, values: [value], prefix, negate });
}

/** A value as its column stores it: level names in their canonical spelling, ids in lower case. */
function fieldValue(field: EventField, value: string, position: number): string {
  if (field === 'log_level') {
    const level = toLogLevel(value);
    if (!level) throw new SearchSyntaxError(`unknown level '${value.slice(0, 32)}' (DEBUG, INFO, WARNING, ERROR, CRITICAL)`, position);
    return level;
  }
  if (field === PATTERN_FIELD) {
    const id = value.toLowerCase();
    if (!isPatternId(id)) throw new SearchSyntaxError(`'${value.slice(0, 40)}' is not a pattern id (16 hex digits, as the Patterns view lists them)`, position);
    return id;
  }
  // Ids are stored in lower case; hex digits match in any case.
  return field === 'trace_id' || field === 'span_id' ? value.toLowerCase() : value;
}
