/**
 * Rewrites an RE2 pattern (what rules are written in) into the syntax of Rust's `regex` crate (what
 * VRL runs), so both engines match the same text, and refuses what has no equal meaning in both.
 *
 * Differences handled (RE2 = Go's regexp syntax, Rust = regex 1.x as VRL uses it):
 * - `\d \w \s \b \B` are ASCII in RE2 but Unicode in Rust: they become explicit ASCII classes and
 *   `(?-u:\b)`. Their negations `\D \W \S` inside a bracket class are refused (no ASCII spelling).
 * - Refused: `\C` (any byte), `\Q...\E` (literal text), octal escapes and `\0`-`\9`, `[` inside a
 *   bracket class other than `[:name:]` (a nested set in Rust), `&&`, `--`, `~~` in a bracket class
 *   (set operations in Rust, literals in RE2), and a `{` that does not start a repetition `{n}`,
 *   `{n,}`, `{n,m}` (a literal in RE2, an error in Rust; write `\{`).
 * Everything else (flags, groups, named groups, `\p{..}`, `\x{..}`, POSIX classes) is the same.
 * A quote `'` is written `\x27`, so the pattern fits in VRL's raw regex literal `r'...'`.
 */
export class RegexSyntaxError extends Error {}

const PERL_CLASSES: Readonly<Record<string, { outside: string; inside?: string }>> = {
  d: { outside: '[0-9]', inside: '0-9' },
  D: { outside: '[^0-9]' },
  w: { outside: '[0-9A-Za-z_]', inside: '0-9A-Za-z_' },
  W: { outside: '[^0-9A-Za-z_]' },
  s: { outside: '[\\t\\n\\f\\r ]', inside: '\\t\\n\\f\\r ' },
  S: { outside: '[^\\t\\n\\f\\r ]' },
  b: { outside: '(?-u:\\b)' },
  B: { outside: '(?-u:\\B)' },
};

const QUOTE = "'";
const QUOTE_ESCAPE = '\\x27';
const REPETITION = /^\{\d+(?:,\d*)?\}/;
const CLASS_SET_OPERATORS = ['&&', '--', '~~'];

/** The pattern in Rust regex syntax; throws RegexSyntaxError for what cannot mean the same there. */
export function toRustRegex(pattern: string): string {
  let out = '';
  let inClass = false;
  let classStart = -1;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i];
    if (char === '\\') {
      const escape = readEscape(pattern, i, inClass);
      out += escape.text;
      i = escape.end - 1;
    } else if (inClass) {
      const part = readClassPart(pattern, i, classStart);
      inClass = !part.closes;
      out += part.text;
      i = part.end - 1;
    } else if (char === '[') {
      inClass = true;
      // A `]` right after `[` or `[^` is a literal in both syntaxes.
      classStart = pattern[i + 1] === '^' ? i + 2 : i + 1;
      out += char;
    } else {
      if (char === '{' && !REPETITION.test(pattern.slice(i))) {
        throw new RegexSyntaxError(`a literal '{' must be escaped as \\{ (position ${i})`);
      }
      out += char === QUOTE ? QUOTE_ESCAPE : char;
    }
  }
  return out;
}

/** One element of a bracket class at `at` (not an escape): `]` when it closes the class. */
function readClassPart(pattern: string, at: number, classStart: number): { text: string; end: number; closes?: true } {
  const char = pattern[at];
  if (char === ']' && at !== classStart) return { text: ']', end: at + 1, closes: true };
  if (char === '[') {
    const close = pattern.indexOf(':]', at);
    if (pattern[at + 1] !== ':' || close < 0) {
      throw new RegexSyntaxError(`'[' inside [...] must be escaped as \\[ (position ${at})`);
    }
    return { text: pattern.slice(at, close + 2), end: close + 2 };
  }
  const operator = CLASS_SET_OPERATORS.find((candidate) => pattern.startsWith(candidate, at));
  if (operator) throw new RegexSyntaxError(`'${operator}' inside [...] is not supported (position ${at})`);
  return { text: char === QUOTE ? QUOTE_ESCAPE : char, end: at + 1 };
}

function readEscape(pattern: string, at: number, inClass: boolean): { text: string; end: number } {
  const letter = pattern[at + 1];
  if (letter === undefined) throw new RegexSyntaxError('trailing backslash');
  const perl = PERL_CLASSES[letter];
  if (perl) {
    const text = inClass ? perl.inside : perl.outside;
    if (text === undefined) {
      throw new RegexSyntaxError(`\\${letter} inside [...] is not supported (write a negated class such as [^0-9] instead)`);
    }
    return { text, end: at + 2 };
  }
  if (letter === QUOTE) return { text: QUOTE_ESCAPE, end: at + 2 };
  if (letter === 'C' || letter === 'Q' || letter === 'E' || /[0-9]/.test(letter)) {
    throw new RegexSyntaxError(`\\${letter} is not supported (position ${at})`);
  }
  // \p{Greek}, \x{263a}: the braces belong to the escape (RE2 has refused an unclosed one).
  const end = /[pPx]/.test(letter) && pattern[at + 2] === '{' ? pattern.indexOf('}', at) + 1 : at + 2;
  return { text: pattern.slice(at, end), end };
}
