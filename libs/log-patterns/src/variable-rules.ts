/**
 * What counts as a variable in a log message: generic shapes only (numbers, ids, addresses, paths,
 * dates, quoted and key=value values), never a rule for one system's messages.
 *
 * Every pattern is written in the regular-expression subset that JavaScript, RE2 (ClickHouse's
 * `replaceRegexpAll`, `match`) and Rust's `regex` crate (Vector's VRL) read alike: no look-around,
 * no back-references, no flags, ASCII classes only, `[^ ]` rather than `.` (engines disagree on the
 * line separators `.` skips), and the literal space as the only whitespace (the masker joins tokens
 * with single spaces first). Keep it that way: the same rules are meant to be replayed in SQL or
 * VRL to compute the same pattern id outside Node (see README.md).
 */

/** How a masked variable reads in a template; a UI highlights every occurrence. */
export const VARIABLE = '<*>';

/** Only the first tokens of a message count: long stack traces and lists stay cheap to mask. */
export const MAX_TOKENS = 64;

/** ASCII whitespace (JavaScript's `\s` would also split on Unicode spaces that RE2 and VRL keep). */
export const WHITESPACE = /[ \t\n\v\f\r]+/;

const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*';
const CLOCK = '[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?';

/** A rewrite of the whole (whitespace-normalised) message; `$1` keeps the captured delimiter. */
export interface MessageRule {
  readonly pattern: RegExp;
  readonly replacement: string;
  /** Matches wherever the pattern could: a cheap test that skips the rule (not part of its meaning). */
  readonly hint: RegExp;
}

const MONTH_NAME = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;

/**
 * Applied in order to the whole message. Dates written with words span several tokens, and a quoted
 * string may hold spaces, so they are matched before the message is cut into tokens. Numeric dates
 * and times need no rule here: each of their tokens is a number, and adjacent variables collapse.
 */
export const MESSAGE_RULES: readonly MessageRule[] = [
  {
    // ctime and syslog: "Sat Jul 9 22:53:22 2005", "Jun 14 15:16:01", "Sat May 8 09:04:50 EDT 2004".
    pattern: new RegExp(
      `(?:${WEEKDAY},? )?${MONTH} [0-9]{1,2},? ${CLOCK}(?: [A-Z]{3,4} [0-9]{4}| [0-9]{4})?`,
      'g',
    ),
    replacement: VARIABLE,
    hint: MONTH_NAME,
  },
  {
    // RFC 1123 and the common log format: "Mon, 02 Jan 2006 15:04:05 -0700", "04/Dec/2005:04:47:44 +0000".
    pattern: new RegExp(
      `(?:${WEEKDAY},? )?[0-9]{1,2}[ /-]${MONTH}[ /-][0-9]{2,4}(?:[ :T]${CLOCK})?(?: (?:[+-][0-9]{4}|GMT|UTC))?`,
      'g',
    ),
    replacement: VARIABLE,
    hint: MONTH_NAME,
  },
  // A quote opens only after a delimiter, so the apostrophe in "can't" never starts a string.
  { pattern: /(^|[ =(:]|\[)'[^']*'/g, replacement: `$1'${VARIABLE}'`, hint: /'/ },
  { pattern: /(^|[ =(:]|\[)"[^"]*"/g, replacement: `$1"${VARIABLE}"`, hint: /"/ },
];

/**
 * Characters that wrap a token's core and stay literal around its mask: `(uid=0)` -> `(uid=<*>)`.
 * Not `<` and `>`: they would cut into a `<*>` that a message rule wrote (`at=<*>`).
 */
export const OPENING_WRAPPERS = `([{'"`;
export const CLOSING_WRAPPERS = `)]}'",;:.!?`;

/** A test on a token's core (its wrappers stripped). */
export interface TokenRule {
  readonly pattern: RegExp;
  /** When set, the core becomes capture 1 followed by the mask (`key=` + `<*>`); else the mask alone. */
  readonly keepsKey: boolean;
  /** A substring the pattern cannot match without: a cheap test that skips it (not part of its meaning). */
  readonly needs?: string;
}

const GENERIC_TLD = 'com|net|org|edu|gov|mil|int|io|info|biz|local|internal|lan|arpa';

/**
 * Applied in order to each token's core; the first that matches decides. Only the place of the two
 * rules that keep a key matters: every other rule masks the whole core.
 */
export const TOKEN_RULES: readonly TokenRule[] = [
  { pattern: /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^ ]/, keepsKey: false, needs: '://' },
  // The key runs to the first "=": `root=LABEL=/` keeps `root=`. An empty value (`logname=`) is
  // literal, and so is a quoted one: the quoted-string rule has masked it already (`user="<*>"`).
  { pattern: /^([^=]*[A-Za-z0-9_]=)[^='"]/, keepsKey: true, needs: '=' },
  // `vCores:-17`, `cxid:0x55b8bb0f`, `<memory:1024`; a dotted or hyphenated name before ":" is a host.
  {
    pattern: /^((?:[^ ]*[^A-Za-z0-9_.-])?[A-Za-z_][A-Za-z0-9_]*:)(?:[-+]?[0-9][0-9.,]*|0x[0-9A-Fa-f]+)$/,
    keepsKey: true,
    needs: ':',
  },
  // Numbers, IPs, host:port, times, versions, UUIDs and ids: an alphanumeric run that starts with a
  // digit (`6725`, `16K`, `blk_-69`, `msra-sa-41`), four digits in a row (`user12345`), or a run of
  // eight hex digits (`deadbeef`). Names with a short digit inside (`ssh2`, `log4j`, `e820`) stay.
  {
    pattern: /(?:^|[^A-Za-z0-9])[0-9]|[0-9]{4}|(?:^|[^A-Za-z0-9])[0-9A-Fa-f]{8,}(?:[^A-Za-z0-9]|$)/,
    keepsKey: false,
  },
  // Short hashes and random ids: a run of six or more hex digits that starts with a letter and
  // holds a digit (`a3f9c2d`, `ord_c0ffee`); a run starting with a digit is masked above. Each
  // branch places the run's first digit, so the run is at least six long: RE2 and VRL have no
  // look-ahead to say "holds a digit" otherwise. `e820` (four) and `base64` (not hex) stay.
  {
    pattern:
      /(?:^|[^A-Za-z0-9])(?:[A-Fa-f][0-9][0-9A-Fa-f]{4,}|[A-Fa-f]{2}[0-9][0-9A-Fa-f]{3,}|[A-Fa-f]{3}[0-9][0-9A-Fa-f]{2,}|[A-Fa-f]{4}[0-9][0-9A-Fa-f]+|[A-Fa-f]{5,}[0-9][0-9A-Fa-f]*)(?:[^A-Za-z0-9]|$)/,
    keepsKey: false,
  },
  { pattern: /^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)[^ ]/, keepsKey: false },
  // Host names without digits: a generic top-level domain, or a two-letter one after three labels
  // (so `Node.js` and `mice.c` stay literal while `biblioteka.wsi.edu.pl` is a host).
  {
    pattern: new RegExp(
      `^[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.(?:${GENERIC_TLD})$|^[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+){2,}\\.[a-z]{2}$`,
    ),
    keepsKey: false,
    needs: '.',
  },
];

/**
 * Matches every core some token rule could match (each needs a digit, one of `=:/.\\`, or eight hex
 * letters): most words skip the rules. An optimisation, not part of the rules' meaning; keep it a
 * superset when a rule changes.
 */
export const MAY_HOLD_VARIABLE = /[0-9=:/.\\]|[A-Fa-f]{8}/;
