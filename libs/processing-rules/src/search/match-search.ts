/**
 * A parsed search decided on one event, with the meaning the table gives it
 * (libs/ch-client/src/sql/log-filters.ts): words are whole tokens of the message as ClickHouse's
 * `splitByNonAlpha` tokenizer with `lower()` splits it (runs of ASCII letters, digits and any
 * non-ASCII character; ASCII letters compared in lower case); a phrase is a case-insensitive
 * substring (`positionCaseInsensitiveUTF8`); an attribute the event lacks equals ''.
 */
import type { LogRow } from '@logline/log-schema';
import { PATTERN_FIELD, type FieldTerm, type ParsedSearch, type TextTerm } from '@logline/search-syntax';

export type SearchedFields = Pick<LogRow, 'message' | 'log_level' | 'source' | 'host' | 'producer_id' | 'trace_id' | 'span_id' | 'attributes'>;

/** Runs of what ClickHouse's tokenizer keeps together: ASCII letters and digits and every non-ASCII code unit. */
const TOKEN = /[A-Za-z0-9\u0080-\uffff]+/g;
const SEARCHABLE_WORD = /^[A-Za-z0-9]+$/;

export function matchesSearch(search: ParsedSearch, event: SearchedFields): boolean {
  for (const term of search.fields) if (!matchesField(term, event)) return false;
  if (search.text.length === 0) return true;
  const words = messageWords(event.message);
  for (const term of search.text) if (!matchesText(term, words, event.message)) return false;
  return true;
}

/** The message's tokens that a search word can equal (ASCII only), in lower case. */
function messageWords(message: string): Set<string> {
  const words = new Set<string>();
  for (const [token] of message.matchAll(TOKEN)) {
    if (SEARCHABLE_WORD.test(token)) words.add(token.toLowerCase());
  }
  return words;
}

function matchesText(term: TextTerm, words: ReadonlySet<string>, message: string): boolean {
  let holds = term.words.every((word) => words.has(word));
  if (holds && term.phrase !== undefined) holds = message.toLowerCase().includes(term.phrase.toLowerCase());
  return holds !== term.negate;
}

function matchesField(term: FieldTerm, event: SearchedFields): boolean {
  const value = fieldValue(term.field, event);
  const holds = term.prefix ? term.values.some((prefix) => value.startsWith(prefix)) : term.values.includes(value);
  return holds !== term.negate;
}

function fieldValue(field: FieldTerm['field'], event: SearchedFields): string {
  // compileRule refuses `pattern:` in a rule's `when`: the pattern is derived after the rules ran.
  if (field === PATTERN_FIELD) throw new Error('a pattern term cannot be decided on an event before its pattern is derived');
  if (typeof field === 'string') return event[field];
  return Object.hasOwn(event.attributes, field.attribute) ? event.attributes[field.attribute] : '';
}
