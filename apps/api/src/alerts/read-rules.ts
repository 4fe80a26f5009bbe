/** The `rules:` list of a rules file, validated into AlertRules (problems collected, not thrown). */
import { SEVERITIES } from '@logline/api-contract';
import { LOG_LEVELS, toLogLevel } from '@logline/log-schema';
import { MappingReader } from '@logline/rules-file';
import { parseSearch, SearchSyntaxError } from '@logline/search-syntax';
import type { AlertCondition, AlertRule, RuleSearch } from './alert-rule';
import { formatDuration, parseDuration } from './duration';

/** Rule and receiver names: also the `rule` label of the firing gauge, so kept short and plain. */
export const NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const NAME_EXPECTED = 'a name of 1-64 letters, digits, _ . : - (starting with a letter or digit)';
const LABEL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const FIELDS = ['name', 'description', 'query', 'saved_search', 'window', 'threshold', 'absent', 'new_pattern', 'min_level', 'for', 'severity', 'labels', 'receivers'];
/** Each evaluation counts at most this much of the table per rule. */
const MAX_WINDOW_MS = 86_400_000;
const MAX_THRESHOLD = 1_000_000_000;

export function readRules(list: unknown, receiverNames: readonly string[], problems: string[]): AlertRule[] {
  if (!Array.isArray(list)) {
    problems.push('rules: must be a list of rules');
    return [];
  }
  const rules: AlertRule[] = [];
  const names = new Set<unknown>();
  list.forEach((item, index) => {
    const name = (item as { name?: unknown } | null)?.name;
    if (names.has(name)) problems.push(`rules[${index}]: name: '${String(name)}' is used by an earlier rule`);
    if (typeof name === 'string') names.add(name);
    const rule = readRule(item, index, receiverNames, problems);
    if (rule) rules.push(rule);
  });
  return rules;
}

function readRule(item: unknown, index: number, receiverNames: readonly string[], problems: string[]): AlertRule | undefined {
  const rawName = (item as { name?: unknown } | null)?.name;
  const where = typeof rawName === 'string' ? `rule '${rawName.slice(0, 64)}' (rules[${index}])` : `rules[${index}]`;
  const reader = MappingReader.open(item, undefined, { rule: where, path: '' }, problems);
  if (!reader) return undefined;
  const before = problems.length;
  reader.onlyKnown(FIELDS);
  const name = reader.string('name', { required: true, pattern: NAME, expected: NAME_EXPECTED });
  const search = readSearch(reader);
  const condition = readCondition(reader);
  const rule = {
    name,
    description: reader.string('description', { maxLength: 1000 }),
    search,
    condition,
    windowMs: readDuration(reader, 'window', 1_000, MAX_WINDOW_MS, true),
    forMs: readDuration(reader, 'for', 0, MAX_WINDOW_MS) ?? 0,
    severity: reader.oneOf('severity', SEVERITIES) ?? 'warning',
    labels: reader.labels('labels', LABEL_NAME) ?? {},
    receivers: readReceiverNames(reader, receiverNames),
  };
  return problems.length === before ? (rule as AlertRule) : undefined;
}

/** `query: <search>` or `saved_search: <name>`, one of the two. */
function readSearch(reader: MappingReader): RuleSearch | undefined {
  if (reader.has('saved_search')) {
    if (reader.has('query')) reader.report('saved_search', 'give either query or saved_search (the name of a saved search), not both');
    const name = reader.string('saved_search', { maxLength: 100 });
    return name === undefined ? undefined : { kind: 'saved_search', name };
  }
  if (!reader.has('query')) {
    // A new-pattern rule may watch every event; the others count what a query matches.
    if (reader.has('new_pattern')) return { kind: 'query', query: '', filters: {} };
    reader.report('query', 'is required: the search whose matches the rule counts (or saved_search: the name of a saved search)');
    return undefined;
  }
  const query = reader.string('query', { maxLength: 2000 });
  const filters = query === undefined ? undefined : parseQuery(reader, query);
  return query === undefined || filters === undefined ? undefined : { kind: 'query', query, filters };
}

function parseQuery(reader: MappingReader, query: string): Extract<RuleSearch, { kind: 'query' }>['filters'] | undefined {
  try {
    const parsed = parseSearch(query);
    return { text: parsed?.text, fields: parsed?.fields };
  } catch (error) {
    if (!(error instanceof SearchSyntaxError)) throw error;
    reader.report('query', error.message);
    return undefined;
  }
}

function readCondition(reader: MappingReader): AlertCondition | undefined {
  if (reader.has('new_pattern')) return readNewPatternCondition(reader);
  if (reader.has('min_level')) reader.report('min_level', 'applies to new_pattern: true rules only');
  const hasThreshold = reader.has('threshold');
  if (reader.has('absent') && hasThreshold) {
    reader.report('threshold', 'give either threshold (fires on more than N matches) or absent: true (fires on none), not both');
    return undefined;
  }
  if (hasThreshold) {
    const threshold = reader.integer('threshold', 0, MAX_THRESHOLD);
    return threshold === undefined ? undefined : { kind: 'threshold', threshold };
  }
  if (!reader.has('absent')) {
    reader.report('threshold', 'is required: the rule fires when more than threshold events match in the window (or set absent: true)');
    return undefined;
  }
  if (reader.boolean('absent') === false) reader.report('absent', 'must be true (leave it out for a threshold rule)');
  return { kind: 'absent' };
}

function readNewPatternCondition(reader: MappingReader): AlertCondition | undefined {
  if (reader.has('threshold') || reader.has('absent')) {
    reader.report('new_pattern', 'give one of threshold, absent: true or new_pattern: true');
    return undefined;
  }
  if (reader.boolean('new_pattern') === false) reader.report('new_pattern', 'must be true (leave it out for a threshold rule)');
  const written = reader.string('min_level', { maxLength: 32 });
  if (written === undefined) return { kind: 'new_pattern', minLevel: LOG_LEVELS[0] };
  const minLevel = toLogLevel(written);
  if (minLevel === undefined) reader.report('min_level', `'${written}' is not a level (${LOG_LEVELS.join(', ')}, or an alias such as warn)`);
  return minLevel === undefined ? undefined : { kind: 'new_pattern', minLevel };
}

function readReceiverNames(reader: MappingReader, defined: readonly string[]): string[] {
  const names = reader.names('receivers', NAME);
  if (names === undefined) return reader.has('receivers') ? [] : [...defined];
  for (const name of names) {
    if (!defined.includes(name)) reader.report('receivers', `no receiver named '${name}' (defined: ${defined.join(', ') || 'none'})`);
  }
  return names;
}

/** A duration such as 30s, 5m or 1h30m, in milliseconds, within [minMs, maxMs]. */
function readDuration(reader: MappingReader, field: string, minMs: number, maxMs: number, required = false): number | undefined {
  const value = reader.value(field, required);
  if (value === undefined) return undefined;
  const ms = typeof value === 'string' ? parseDuration(value) : undefined;
  if (ms === undefined) reader.report(field, `must be a duration such as 30s, 5m or 1h30m, got ${JSON.stringify(value)}`);
  else if (ms < minMs || ms > maxMs) reader.report(field, `must be from ${formatDuration(minMs)} to ${formatDuration(maxMs)}`);
  else return ms;
  return undefined;
}
