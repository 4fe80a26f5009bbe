/**
 * Regular expressions of processing rules. They run on RE2's linear-time engine (re2js, pure
 * JavaScript): no pattern can backtrack, so a rule like `(a+)+$` costs time proportional to the
 * text, never exponential. Patterns RE2 does not accept (lookaround, backreferences) and those
 * Rust's regex (VRL) would read differently are refused when the rules are loaded.
 */
import { RE2JS } from 're2js';
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
  /** The first match, as RegExp.exec gives it (a group that took no part is undefined). */
  exec(text: string): RegExpExecArray | null;
  /** Every match, left to right, as String.matchAll gives them. */
  matchAll(text: string): IterableIterator<RegExpExecArray>;
}

/** Compiles a pattern, or throws RegexSyntaxError saying why it is refused. */
export function compileSafeRegex(pattern: string): SafeRegex {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new RegexSyntaxError(`pattern is ${pattern.length} characters; the limit is ${MAX_PATTERN_LENGTH}`);
  }
  const engine = compileRe2(pattern);
  return Object.freeze({
    source: pattern,
    rustSource: toRustRegex(pattern),
    groupNames: Object.keys(engine.namedGroups()),
    test: (text: string) => engine.test(text),
    exec: (text: string) => engine.exec(text) as RegExpExecArray | null,
    // re2js yields its matches with `index` set, as RegExpExecArray has it.
    matchAll: (text: string) => engine.matchAll(text) as IterableIterator<RegExpExecArray>,
  });
}

function compileRe2(pattern: string): RE2JS {
  try {
    return RE2JS.compile(pattern);
  } catch (error) {
    throw new RegexSyntaxError((error as Error).message.replace(/^error parsing regexp: /, ''));
  }
}
