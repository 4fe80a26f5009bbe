/**
 * The named patterns a `grok` parse rule may use, as `%{NAME}` or `%{NAME:attribute}`: a small,
 * common subset of Logstash's grok library, written in RE2 syntax. A grok pattern is expanded
 * into a regular expression once, when the rules are loaded, and then runs as a regex rule does.
 */
import { RegexSyntaxError } from '../regex/rust-regex-syntax';

const IPV4_OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const HEX_GROUP = '[0-9A-Fa-f]{1,4}';

export const GROK_PATTERNS: Readonly<Record<string, string>> = Object.freeze({
  INT: String.raw`[+-]?\d+`,
  POSINT: String.raw`\b[1-9]\d*\b`,
  NONNEGINT: String.raw`\b\d+\b`,
  NUMBER: String.raw`[+-]?(?:\d+(?:\.\d+)?|\.\d+)`,
  WORD: String.raw`\b\w+\b`,
  NOTSPACE: String.raw`\S+`,
  SPACE: String.raw`\s*`,
  DATA: '.*?',
  GREEDYDATA: '.*',
  QUOTEDSTRING: String.raw`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'`,
  UUID: '[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}',
  IPV4: String.raw`\b(?:${IPV4_OCTET}\.){3}${IPV4_OCTET}\b`,
  // Full form, or compressed with `::` between groups or in front (`fe80::1`, `::1`).
  IPV6: `(?:${HEX_GROUP}:){7}${HEX_GROUP}|(?:${HEX_GROUP}:){1,6}(?::${HEX_GROUP}){1,6}|::(?:${HEX_GROUP}:){0,5}${HEX_GROUP}`,
  IP: '%{IPV4}|%{IPV6}',
  // Labels of any length: counting them to 63 made RE2's automaton, and every match, ~5x slower.
  HOSTNAME: String.raw`\b[0-9A-Za-z][0-9A-Za-z-]*(?:\.[0-9A-Za-z][0-9A-Za-z-]*)*\b`,
  IPORHOST: '%{IP}|%{HOSTNAME}',
  USERNAME: '[0-9A-Za-z._-]+',
  EMAILADDRESS: String.raw`\b[0-9A-Za-z._%+-]+@[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*\.[A-Za-z]{2,}\b`,
  LOGLEVEL: '(?i:trace|debug|info(?:rmation)?|notice|warn(?:ing)?|err(?:or)?|crit(?:ical)?|fatal|alert|emerg(?:ency)?)',
  TIMESTAMP_ISO8601: String.raw`\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:[Zz]|[+-]\d{2}:?\d{2})?`,
  HTTPDATE: String.raw`\d{2}/[A-Za-z]{3}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4}`,
  SYSLOGTIMESTAMP: String.raw`[A-Za-z]{3} +\d{1,2} \d{2}:\d{2}:\d{2}`,
  URIPATH: String.raw`(?:/[0-9A-Za-z$.+!*'(){},~:;=@#%&_\-]*)+`,
  URIPARAM: String.raw`\?[0-9A-Za-z$.+!*'|(){},~@#%&/=:;_?\-\[\]<>]*`,
  URIPATHPARAM: '%{URIPATH}(?:%{URIPARAM})?',
  PATH: String.raw`(?:/[^/\s]*)+`,
});

const REFERENCE = /%\{([A-Za-z0-9_]+)(?::([^}]*))?\}/g;
const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Expands `%{NAME}` and `%{NAME:attribute}` into a regular expression with named groups. */
export function expandGrok(pattern: string): string {
  return pattern.replace(REFERENCE, (_reference, name: string, attribute: string | undefined) => {
    const expanded = expandNamed(name, 0);
    if (attribute === undefined) return `(?:${expanded})`;
    if (!ATTRIBUTE_NAME.test(attribute)) {
      throw new RegexSyntaxError(`'%{${name}:${attribute}}': an attribute name here is letters, digits and _ (not starting with a digit)`);
    }
    return `(?P<${attribute}>${expanded})`;
  });
}

function expandNamed(name: string, depth: number): string {
  const body = Object.hasOwn(GROK_PATTERNS, name) ? GROK_PATTERNS[name] : undefined;
  if (body === undefined) {
    throw new RegexSyntaxError(`unknown grok pattern '%{${name}}' (known: ${Object.keys(GROK_PATTERNS).join(', ')})`);
  }
  // The library's own references nest two levels at most (IPORHOST -> IP -> IPV4).
  if (depth > 4) throw new RegexSyntaxError(`grok pattern '%{${name}}' nests too deeply`);
  return body.replace(REFERENCE, (_reference, inner: string) => `(?:${expandNamed(inner, depth + 1)})`);
}
