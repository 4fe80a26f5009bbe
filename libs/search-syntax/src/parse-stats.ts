/**
 * Stats queries: a search, a pipe, and one stats command that aggregates what the search matches.
 *   level:ERROR | stats count() by source, host
 *   source:payment | stats p99(attributes.duration_ms), avg(attributes.duration_ms) by host
 *   | stats count_distinct(host)                      (no search: every event)
 * Grammar (keywords and function names in any case):
 *   query       = [search] "|" "stats" aggregation { "," aggregation } [ "by" field { "," field } ]
 *   aggregation = "count()" | "count_distinct(" field ")" | number-fn "(" attributes.<name> ")"
 *   number-fn   = min | max | avg | sum | p50 | p90 | p99
 *   field       = level | source | host | producer_id | trace_id | span_id | pattern | attributes.<name>
 * `pattern` is the pattern the Patterns view lists (see PATTERN_FIELD), so `by pattern` counts what it counts.
 * At most MAX_AGGREGATIONS functions and MAX_BY_FIELDS fields after `by`.
 */
import { findPipe } from './find-pipe';
import { FIELD_NAMES_TEXT, fieldName, fieldNamed, type EventField } from './log-fields';
import { parseSearch, type ParsedSearch } from './parse-search';
import { SearchSyntaxError } from './search-syntax-error';
import { isStatsFunction, STATS_FUNCTION_NAMES_TEXT, STATS_FUNCTIONS, type Aggregation } from './stats-functions';
import { describeToken, StatsTokens, type StatsToken } from './stats-tokens';

export const MAX_AGGREGATIONS = 8;
export const MAX_BY_FIELDS = 3;

/** What to compute over the matching events, per group of the `by` fields' values. */
export interface StatsSpec {
  readonly aggregations: readonly Aggregation[];
  readonly by: readonly EventField[];
}

export interface StatsQuery {
  /** Undefined when the query starts with the pipe: every event counts. */
  readonly search?: ParsedSearch;
  readonly stats: StatsSpec;
}

const EXAMPLE = 'level:error | stats count() by source';

/** True when the query has a stats command (a `|` outside quotes). */
export function isStatsQuery(q: string | undefined): boolean {
  return q !== undefined && findPipe(q) !== undefined;
}

/** The search of a stats query, before its pipe ('' when it has none); a search without a pipe, whole. */
export function statsSearchText(q: string): string {
  return q.slice(0, findPipe(q) ?? q.length).trim();
}

/** Parses a search followed by `| stats …`. Throws SearchSyntaxError. */
export function parseStatsQuery(q: string): StatsQuery {
  const pipe = findPipe(q);
  if (pipe === undefined) {
    // A mistake in the search (an unterminated quote hides the pipe) says more than the missing pipe.
    parseSearch(q);
    throw new SearchSyntaxError(`a stats query needs '| stats …' after the search, e.g. ${EXAMPLE}`, q.length);
  }
  const head = q.slice(0, pipe);
  const search = head.trim() === '' ? undefined : parseSearch(head);
  return { search, stats: parseStatsCommand(new StatsTokens(q.slice(pipe + 1), pipe + 1)) };
}

function parseStatsCommand(tokens: StatsTokens): StatsSpec {
  const keyword = tokens.peek();
  if (!tokens.accept('word', 'stats')) throw new SearchSyntaxError(`expected 'stats' after '|', got ${describeToken(keyword)} (e.g. ${EXAMPLE})`, keyword.position);
  const aggregations = [readAggregation(tokens)];
  while (tokens.accept(',')) {
    if (aggregations.length === MAX_AGGREGATIONS) throw new SearchSyntaxError(`at most ${MAX_AGGREGATIONS} functions in one stats command`, tokens.peek().position);
    aggregations.push(readAggregation(tokens));
  }
  const by = tokens.accept('word', 'by') ? readByFields(tokens) : [];
  const rest = tokens.peek();
  if (rest.kind !== 'end') {
    const expected = by.length > 0 ? "',' and another field, or the end" : "',' and another function, 'by', or the end";
    throw new SearchSyntaxError(`unexpected ${describeToken(rest)} (expected ${expected})`, rest.position);
  }
  return { aggregations, by };
}

function readAggregation(tokens: StatsTokens): Aggregation {
  const name = tokens.next();
  const fn = name.text.toLowerCase();
  if (name.kind !== 'word') throw new SearchSyntaxError(`expected a function (${STATS_FUNCTION_NAMES_TEXT}), got ${describeToken(name)}`, name.position);
  if (!isStatsFunction(fn)) throw new SearchSyntaxError(`unknown function '${name.text.slice(0, 40)}' (functions: ${STATS_FUNCTION_NAMES_TEXT})`, name.position);
  expect(tokens, '(', `${fn} needs parentheses: ${fn}(${STATS_FUNCTIONS[fn] === 'nothing' ? '' : 'field'})`);
  const argument = tokens.peek().kind === 'word' ? tokens.next() : undefined;
  expect(tokens, ')', `expected ')' to close ${fn}(`);
  const field = argument && readField(argument);
  const takes = STATS_FUNCTIONS[fn];
  if (takes === 'nothing') {
    if (field) throw new SearchSyntaxError(`count() counts events and takes no field; count_distinct(${fieldName(field)}) counts its distinct values`, name.position);
    return { fn: 'count' };
  }
  if (!field) throw new SearchSyntaxError(`${fn}() needs a field, e.g. ${fn}(${takes === 'number' ? 'attributes.duration_ms' : 'host'})`, name.position);
  if (fn === 'count_distinct') return { fn, field };
  if (typeof field === 'string') {
    throw new SearchSyntaxError(`${fn}() needs numbers: an attribute, e.g. ${fn}(attributes.duration_ms); '${fieldName(field)}' is text`, name.position);
  }
  return { fn: fn as Exclude<typeof fn, 'count' | 'count_distinct'>, field };
}

function readByFields(tokens: StatsTokens): EventField[] {
  const fields: EventField[] = [];
  do {
    const token = tokens.next();
    if (token.kind !== 'word') throw new SearchSyntaxError(`expected a field after 'by' or ',' (fields: ${FIELD_NAMES_TEXT}), got ${describeToken(token)}`, token.position);
    if (fields.length === MAX_BY_FIELDS) throw new SearchSyntaxError(`at most ${MAX_BY_FIELDS} fields after 'by'`, token.position);
    const field = readField(token);
    if (fields.some((other) => fieldName(other) === fieldName(field))) throw new SearchSyntaxError(`'${fieldName(field)}' is already grouped by`, token.position);
    fields.push(field);
  } while (tokens.accept(','));
  return fields;
}

function readField(token: StatsToken): EventField {
  const field = fieldNamed(token.text);
  if (!field) throw new SearchSyntaxError(`unknown field '${token.text.slice(0, 40)}' (fields: ${FIELD_NAMES_TEXT})`, token.position);
  return field;
}

function expect(tokens: StatsTokens, kind: '(' | ')', message: string): void {
  const token = tokens.peek();
  if (!tokens.accept(kind)) throw new SearchSyntaxError(`${message}, got ${describeToken(token)}`, token.position);
}
