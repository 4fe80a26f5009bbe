/**
 * Regular expressions of processing rules. They run on RE2's linear-time engine (re2js, pure
 * JavaScript): no pattern can backtrack, so a rule like `(a+)+$` costs time proportional to the
 * text, never exponential. Patterns RE2 does not accept (lookaround, backreferences) and those
 * Rust's regex (VRL) would read differently are refused when the rules are loaded.
 */
import { compareCodePoints } from '@logline/log-schema';
import { RE2JS, RE2Set } from 're2js';
import { RegexSyntaxError, toRustRegex } from './rust-regex-syntax';

/** Longest pattern accepted, in characters: keeps the compiled program small. */
export const MAX_PATTERN_LENGTH = 4096;

export interface SafeRegex {
  /** The pattern as written (RE2 syntax). */
  readonly source: string;
  /** The same pattern in the syntax of Rust's regex crate, for the VRL program. */
  readonly rustSource: string;
  /** Names of the pattern's named groups. */
  readonly groupNames: readonly string[];
  /** Whether the pattern matches anywhere in the text: a fast pass that tracks no groups. */
  test(text: string): boolean;
  /**
   * The named groups of the first match, name and text, in the code-point order of their names
   * (as VRL holds them); a group that took no part is left out. Undefined when nothing matches.
   */
  captures(text: string): Array<[string, string]> | undefined;
  /** Every match, left to right, as String.matchAll gives them. */
  matchAll(text: string): IterableIterator<RegExpExecArray>;
}

/** Compiles a pattern, or throws RegexSyntaxError saying why it is refused. */
export function compileSafeRegex(pattern: string): SafeRegex {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new RegexSyntaxError(`pattern is ${pattern.length} characters; the limit is ${MAX_PATTERN_LENGTH}`);
  }
  const engine = compileRe2(pattern);
  const groups = Object.entries(engine.namedGroups()).sort(([a], [b]) => compareCodePoints(a, b));
  return Object.freeze({
    source: pattern,
    rustSource: toRustRegex(pattern),
    groupNames: Object.keys(engine.namedGroups()),
    test: (text: string) => engine.test(text),
    captures: (text: string) => {
      // The DFA behind test() answers several times faster than the engines that track groups,
      // and most texts a rule reads do not match.
      if (!engine.test(text)) return undefined;
      const matcher = engine.matcher(text);
      if (!matcher.find()) return undefined;
      const found: Array<[string, string]> = [];
      for (const [name, index] of groups) {
        const value = matcher.group(index);
        if (value !== null) found.push([name, value]);
      }
      return found;
    },
    // re2js yields its matches with `index` set, as RegExpExecArray has it.
    matchAll: (text: string) => engine.matchAll(text) as IterableIterator<RegExpExecArray>,
  });
}

/** Which of several patterns match a text, found in one pass over it. */
export interface SafeRegexSet {
  /** Indexes (in the order given) of the patterns that match somewhere in the text, ascending. */
  matching(text: string): number[];
}

/** The set of already compiled (so already checked) patterns. */
export function compileSafeRegexSet(regexes: readonly SafeRegex[]): SafeRegexSet {
  const set = new RE2Set();
  for (const regex of regexes) set.add(regex.source);
  try {
    set.compile();
  } catch (error) {
    throw new RegexSyntaxError(`the patterns together are too large: ${(error as Error).message}`);
  }
  return Object.freeze({ matching: (text: string) => set.match(text).sort((a, b) => a - b) });
}

function compileRe2(pattern: string): RE2JS {
  try {
    return RE2JS.compile(pattern);
  } catch (error) {
    throw new RegexSyntaxError((error as Error).message.replace(/^error parsing regexp: /, ''));
  }
}
