/** `parse:` rules: regex (named groups), grok, key_value or json, from the message or an attribute. */
import { expandGrok } from '../parse/grok-patterns';
import { KEY_VALUE_PATTERN } from '../parse/key-value';
import { RegexSyntaxError } from '../regex/rust-regex-syntax';
import { compileSafeRegex, type SafeRegex } from '../regex/safe-regex';
import type { ParseAction, ParseFormat } from '../rule';
import type { MappingReader } from '@logline/rules-file';
import { ATTRIBUTE_NAME_EXPECTED, isAttributeName, readTextField } from './read-names';

const FORMATS: readonly ParseFormat[] = ['regex', 'grok', 'key_value', 'json'];

export function compileParse(rule: MappingReader): ParseAction | undefined {
  const reader = rule.mapping('parse');
  if (!reader) return undefined;
  reader.onlyKnown([...FORMATS, 'from', 'prefix']);
  const from = readTextField(reader, 'from', 'message');
  const prefix = reader.has('prefix') ? reader.string('prefix', { pattern: /^[A-Za-z0-9_.:-]{1,64}$/, expected: '1-64 letters, digits, _ . : -' }) : '';
  const formats = FORMATS.filter((format) => reader.has(format));
  if (formats.length !== 1) {
    reader.report(formats[1] ?? 'regex', `give exactly one of ${FORMATS.join(', ')}`);
    return undefined;
  }
  const format = formats[0];
  const regex = readRegex(reader, format, prefix ?? '');
  if (from === undefined || prefix === undefined || (format !== 'json' && regex === undefined)) return undefined;
  return { kind: 'parse', format, regex, from, prefix };
}

function readRegex(reader: MappingReader, format: ParseFormat, prefix: string): SafeRegex | undefined {
  if (format === 'json' || format === 'key_value') {
    if (!reader.isTrue(format)) return undefined;
    return format === 'key_value' ? compileSafeRegex(KEY_VALUE_PATTERN) : undefined;
  }
  const pattern = reader.string(format);
  if (pattern === undefined) return undefined;
  try {
    const regex = compileSafeRegex(format === 'grok' ? expandGrok(pattern) : pattern);
    const names = regex.groupNames;
    if (names.length === 0) {
      reader.report(format, format === 'grok' ? 'names no attribute: write %{PATTERN:attribute}' : 'has no named group (?P<attribute>...) to store');
      return undefined;
    }
    const wrong = names.find((name) => !isAttributeName(prefix + name));
    if (wrong !== undefined) reader.report(format, `'${prefix}${wrong}' is not ${ATTRIBUTE_NAME_EXPECTED}`);
    return regex;
  } catch (error) {
    if (!(error instanceof RegexSyntaxError)) throw error;
    reader.report(format, error.message);
    return undefined;
  }
}
