/** `redact:` rules: built-in detectors and custom patterns, masked but for the last characters. */
import { DETECTOR_NAMES, DETECTORS, type DetectorName } from '../redact/detectors';
import { RegexSyntaxError } from '../regex/rust-regex-syntax';
import { compileSafeRegex, compileSafeRegexSet, type SafeRegexSet } from '../regex/safe-regex';
import type { RedactAction, RedactPattern, RedactTarget } from '../rule';
import type { MappingReader } from '@logline/rules-file';
import { isAttributeName } from './read-names';

const DEFAULT_TARGETS: readonly RedactTarget[] = ['message', 'attributes'];
const MAX_KEEP_LAST = 64;

export function compileRedact(rule: MappingReader): RedactAction | undefined {
  const reader = rule.mapping('redact');
  if (!reader) return undefined;
  reader.onlyKnown(['detectors', 'patterns', 'keep_last', 'mask', 'fields']);
  const detectors = readDetectors(reader);
  const custom = readPatterns(reader);
  if (detectors?.length === 0 && custom?.length === 0) reader.report('detectors', 'give detectors, patterns or both');
  const keepLast = reader.number('keep_last', (value) => Number.isInteger(value) && value >= 0 && value <= MAX_KEEP_LAST, `a whole number from 0 to ${MAX_KEEP_LAST}`) ?? 4;
  // One printable ASCII character: a masked text is never longer, in bytes, than what it hides.
  const char = reader.string('mask', { pattern: /^[!-~]$/, expected: 'one printable ASCII character' }) ?? '*';
  const targets = readTargets(reader);
  if (detectors === undefined || custom === undefined || targets === undefined) return undefined;
  if (detectors.length + custom.length === 0) return undefined;
  const patterns = [...detectors, ...custom];
  const patternSet = readPatternSet(reader, patterns);
  return patternSet && { kind: 'redact', patterns, patternSet, targets, mask: { char, keepLast } };
}

function readPatternSet(reader: MappingReader, patterns: readonly RedactPattern[]): SafeRegexSet | undefined {
  try {
    return compileSafeRegexSet(patterns.map((pattern) => pattern.regex));
  } catch (error) {
    if (!(error instanceof RegexSyntaxError)) throw error;
    reader.report('patterns', error.message);
    return undefined;
  }
}

function readDetectors(reader: MappingReader): RedactPattern[] | undefined {
  if (!reader.has('detectors')) return [];
  const names = reader.strings('detectors');
  const unknown = names?.find((name) => !(DETECTOR_NAMES as string[]).includes(name));
  if (unknown !== undefined) reader.report('detectors', `unknown detector '${unknown.slice(0, 64)}' (known: ${DETECTOR_NAMES.join(', ')})`);
  if (names === undefined || unknown !== undefined) return undefined;
  return names.map((name) => {
    const detector = DETECTORS[name as DetectorName];
    return { name, regex: compileSafeRegex(detector.pattern), check: detector.check };
  });
}

function readPatterns(reader: MappingReader): RedactPattern[] | undefined {
  if (!reader.has('patterns')) return [];
  const patterns = reader.strings('patterns');
  if (patterns === undefined) return undefined;
  const compiled: RedactPattern[] = [];
  for (const [index, pattern] of patterns.entries()) {
    try {
      compiled.push({ name: `pattern ${index + 1}`, regex: compileSafeRegex(pattern) });
    } catch (error) {
      if (!(error instanceof RegexSyntaxError)) throw error;
      reader.report('patterns', `pattern ${index + 1}: ${error.message}`);
      return undefined;
    }
  }
  return compiled;
}

function readTargets(reader: MappingReader): RedactTarget[] | undefined {
  if (!reader.has('fields')) return [...DEFAULT_TARGETS];
  const names = reader.strings('fields');
  if (names === undefined) return undefined;
  const targets: RedactTarget[] = [];
  for (const name of names) {
    const attribute = name.startsWith('attributes.') ? name.slice('attributes.'.length) : undefined;
    if (name === 'message' || name === 'attributes') targets.push(name);
    else if (attribute !== undefined && isAttributeName(attribute)) targets.push({ attribute });
    else {
      reader.report('fields', `'${name.slice(0, 64)}' is not message, attributes or attributes.<name>`);
      return undefined;
    }
  }
  return targets;
}
