/** The small actions: set a field from an attribute, drop, sample, rename and remove attributes. */
import type { SettableField } from '@logline/log-schema';
import type { DropAction, RemoveAction, RenameAction, SampleAction, SetAction } from '../rule';
import type { MappingReader } from '@logline/rules-file';
import { ATTRIBUTE_NAME_EXPECTED, isAttributeName, readAttributeNames } from './read-names';

const SETTABLE: readonly SettableField[] = ['timestamp', 'log_level', 'source', 'host'];

export function compileSet(rule: MappingReader): SetAction | undefined {
  const reader = rule.mapping('set');
  if (!reader) return undefined;
  reader.onlyKnown(SETTABLE);
  const fields: SetAction['fields'] = {};
  let ok = true;
  for (const field of SETTABLE.filter((name) => reader.has(name))) {
    const attribute = reader.string(field, { pattern: { test: isAttributeName }, expected: ATTRIBUTE_NAME_EXPECTED });
    if (attribute === undefined) ok = false;
    else fields[field] = attribute;
  }
  if (ok && Object.keys(fields).length === 0) {
    rule.report('set', `name at least one of ${SETTABLE.join(', ')} with the attribute it takes its value from`);
    return undefined;
  }
  return ok ? { kind: 'set', fields } : undefined;
}

export function compileDrop(reader: MappingReader, hasWhen: boolean): DropAction | undefined {
  if (!reader.isTrue('drop')) return undefined;
  if (!hasWhen) {
    reader.report('drop', 'needs `when:`, the search of the events to drop (dropping every event is surely a mistake)');
    return undefined;
  }
  return { kind: 'drop' };
}

export function compileSample(reader: MappingReader): SampleAction | undefined {
  const rate = reader.number('sample', (value) => value > 0 && value < 1, 'the fraction of events kept, above 0 and below 1 (e.g. 0.1)');
  return rate === undefined ? undefined : { kind: 'sample', rate };
}

export function compileRename(rule: MappingReader): RenameAction | undefined {
  const reader = rule.mapping('rename');
  if (!reader) return undefined;
  const names = Object.entries(reader.fields);
  if (names.length === 0) {
    rule.report('rename', 'name at least one attribute as old_name: new_name');
    return undefined;
  }
  let ok = true;
  for (const [from, to] of names) {
    if (!isAttributeName(from)) reader.report(from, `is not ${ATTRIBUTE_NAME_EXPECTED}`);
    else if (typeof to !== 'string' || !isAttributeName(to)) reader.report(from, `the new name must be ${ATTRIBUTE_NAME_EXPECTED}`);
    else continue;
    ok = false;
  }
  return ok ? { kind: 'rename', names: names as Array<[string, string]> } : undefined;
}

export function compileRemove(reader: MappingReader): RemoveAction | undefined {
  const names = readAttributeNames(reader, 'remove');
  return names === undefined ? undefined : { kind: 'remove', names };
}
