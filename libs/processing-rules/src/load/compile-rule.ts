/** One item of the rules file's `rules:` list, validated and compiled into a ProcessingRule. */
import { parseSearch, PATTERN_FIELD, SearchSyntaxError, type ParsedSearch } from '@logline/search-syntax';
import type { ProcessingRule, RuleAction } from '../rule';
import { compileParse } from './compile-parse';
import { compileRedact } from './compile-redact';
import { compileDrop, compileRemove, compileRename, compileSample, compileSet } from './compile-field-actions';
import { MappingReader, type LocatedYaml } from '@logline/rules-file';

/** Rule names: also shown in dead letters, so kept short and plain. */
const RULE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

const COMPILERS: Readonly<Record<RuleAction['kind'], (reader: MappingReader, hasWhen: boolean) => RuleAction | undefined>> = {
  parse: compileParse,
  set: compileSet,
  redact: compileRedact,
  drop: compileDrop,
  sample: compileSample,
  rename: compileRename,
  remove: compileRemove,
};
const ACTIONS = Object.keys(COMPILERS) as RuleAction['kind'][];

export function compileRule(item: unknown, line: number, located: LocatedYaml, problems: string[]): ProcessingRule | undefined {
  const rawName = (item as { name?: unknown } | null)?.name;
  const rule = typeof rawName === 'string' ? `rule '${rawName.slice(0, 64)}'` : `rule at line ${line}`;
  const reader = MappingReader.open(item, located, { rule, path: '', line }, problems);
  if (!reader) return undefined;
  const before = problems.length;
  reader.onlyKnown(['name', 'when', ...ACTIONS]);
  const name = reader.string('name', { required: true, pattern: RULE_NAME, expected: 'a name of 1-64 letters, digits, _ . : - (starting with a letter or digit)' });
  const when = readWhen(reader);
  const kinds = ACTIONS.filter((kind) => reader.has(kind));
  if (kinds.length !== 1) {
    reader.report(kinds[1] ?? 'name', `a rule does exactly one of ${ACTIONS.join(', ')}; this one ${kinds.length === 0 ? 'has none' : `has ${kinds.join(' and ')}`}`);
    return undefined;
  }
  const action = COMPILERS[kinds[0]](reader, reader.has('when'));
  if (problems.length > before || name === undefined || action === undefined) return undefined;
  return { name, line, when, action };
}

function readWhen(reader: MappingReader): ProcessingRule['when'] {
  const text = reader.string('when', { maxLength: 2000 });
  if (text === undefined) return undefined;
  try {
    // Not blank (read as text, it was refused): parseSearch finds terms in it or throws.
    const search = parseSearch(text);
    if (search && usesPattern(search)) {
      reader.report('when', PATTERN_REFUSED);
      return undefined;
    }
    return search && { text, search };
  } catch (error) {
    if (!(error instanceof SearchSyntaxError)) throw error;
    reader.report('when', error.message);
    return undefined;
  }
}

/** Rules run before an event's pattern is derived (they may still change its message): there is no pattern to test yet. */
const PATTERN_REFUSED =
  "'pattern:' cannot be used here: processing rules run before an event's pattern is derived from its (possibly rewritten) message; filter by pattern in searches and alert rules instead";

function usesPattern(search: ParsedSearch): boolean {
  return search.fields.some((term) => term.field === PATTERN_FIELD);
}
