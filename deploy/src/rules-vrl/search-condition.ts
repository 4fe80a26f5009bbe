/**
 * A rule's `when` search as a VRL condition on a row, with the meaning matchesSearch gives it
 * (libs/processing-rules/src/search/match-search.ts): a word is a whole token as ClickHouse's
 * tokenizer splits the message (separated by ASCII characters other than letters and digits;
 * ASCII letters in any case); a phrase a case-insensitive substring; a missing attribute ''.
 */
import { PATTERN_FIELD, type FieldTerm, type ParsedSearch, type TextTerm } from '@logline/search-syntax';
import { vrlRegex, vrlString } from './vrl-syntax';

const MESSAGE = 'string!(.message)';
/** What separates tokens: every ASCII character but letters and digits. */
const SEPARATOR = String.raw`[\x00-\x2F\x3A-\x40\x5B-\x60\x7B-\x7F]`;

export function searchCondition(search: ParsedSearch): string {
  return [...search.fields.map(fieldCondition), ...search.text.map(textCondition)].join(' && ');
}

function textCondition(term: TextTerm): string {
  const parts = term.words.map((word) => `match(${MESSAGE}, ${vrlRegex(wordPattern(word))})`);
  if (term.phrase !== undefined) parts.push(`contains(${MESSAGE}, ${vrlString(term.phrase)}, case_sensitive: false)`);
  return `${term.negate ? '!' : ''}(${parts.join(' && ')})`;
}

/** A lower-case ASCII word as a whole token; letters matched in either ASCII case (not Unicode folding). */
function wordPattern(word: string): string {
  const letters = [...word].map((char) => (/[a-z]/.test(char) ? `[${char}${char.toUpperCase()}]` : char)).join('');
  return `(?:^|${SEPARATOR})${letters}(?:$|${SEPARATOR})`;
}

function fieldCondition(term: FieldTerm): string {
  // Refused when the rules load (compileRule): the pattern is derived after the rules ran.
  if (term.field === PATTERN_FIELD) throw new Error('a pattern term cannot be decided before the pattern is derived');
  const value = typeof term.field === 'string' ? `string!(.${term.field})` : `(string(get!(.attributes, [${vrlString(term.field.attribute)}])) ?? "")`;
  const holds = term.prefix
    ? term.values.map((prefix) => `starts_with(${value}, ${vrlString(prefix)})`).join(' || ')
    : `includes([${term.values.map(vrlString).join(', ')}], ${value})`;
  return `${term.negate ? '!' : ''}(${holds})`;
}
