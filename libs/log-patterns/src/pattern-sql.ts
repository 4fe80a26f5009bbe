/**
 * The masker as one ClickHouse expression, generated from the same rule list (variable-rules.ts):
 * the column default that gives events written without a `pattern_id` (by Vector, or any INSERT
 * that leaves the column out) the id `derivePattern` gives them, and the template the pattern
 * catalogue keeps. Steps in the order maskMessage takes them (see mask-message.ts); a parity test
 * on the real engine (libs/ch-client) holds the two to the same result.
 *
 * The expression binds intermediate values by mapping over a one-element array rather than with
 * aliases: aliases are global to a query, and this text is pasted into DDL and other queries.
 */
import {
  CLOSING_WRAPPERS,
  MAX_TOKENS,
  MAY_HOLD_VARIABLE,
  MESSAGE_RULES,
  OPENING_WRAPPERS,
  TOKEN_RULES,
  VARIABLE,
  WHITESPACE,
} from './variable-rules';

/** The template of the message `message` (an SQL expression of type String, e.g. a column name). */
export function renderTemplateSql(message: string): string {
  let text = `arrayStringConcat(arraySlice(arrayFilter(word -> word != '', splitByRegexp(${literal(WHITESPACE.source)}, ${message})), 1, ${MAX_TOKENS}), ' ')`;
  for (const rule of MESSAGE_RULES) {
    const replaced = `replaceRegexpAll(text, ${literal(rule.pattern.source)}, ${literal(rule.replacement.replace(/\$([0-9])/g, '\\$1'))})`;
    text = `arrayMap(text -> if(match(text, ${literal(rule.hint.source)}), ${replaced}, text), [${text}])[1]`;
  }
  const masked = `arrayMap(token -> ${maskTokenSql('token')}, splitByChar(' ', ${text}))`;
  // Runs of variables collapse: a `<*>` right after a `<*>` is dropped.
  const variable = literal(VARIABLE);
  return `arrayMap(masked -> arrayStringConcat(arrayFilter((token, previous) -> NOT (token = ${variable} AND previous = ${variable}), masked, arrayPushFront(arrayPopBack(masked), '')), ' '), [${masked}])[1]`;
}

/** The id of the template `template` (an SQL expression): what patternIdOf computes. */
export function renderTemplateIdSql(template: string): string {
  return `lower(hex(substring(SHA256(${template}), 1, 8)))`;
}

/** The pattern id of the message `message` (an SQL expression): what derivePattern computes. */
export function renderPatternIdSql(message: string): string {
  return renderTemplateIdSql(renderTemplateSql(message));
}

/**
 * True when the pattern `pattern` covers the template `template` (both SQL expressions of type
 * String): what coversTemplate computes.
 */
export function renderCoversSql(pattern: string, template: string): string {
  const patternTokens = `splitByChar(' ', ${pattern})`;
  const tokens = `splitByChar(' ', ${template})`;
  // arrayAll needs arrays of one size: the template's tokens are cut or padded to the pattern's.
  return `(length(${patternTokens}) = length(${tokens}) AND arrayAll((wanted, token) -> wanted = ${literal(VARIABLE)} OR wanted = token, ${patternTokens}, arrayResize(${tokens}, length(${patternTokens}))))`;
}

/**
 * A token cut into its opening wrappers, core and closing wrappers (trimmed as maskToken strips
 * them), the core masked by the first token rule that matches. Tokens that cannot hold a variable
 * skip the rules, as in maskCore.
 */
function maskTokenSql(token: string): string {
  const branches = TOKEN_RULES.map((rule) => {
    const pattern = literal(rule.pattern.source);
    return `match(core, ${pattern}), ${rule.keepsKey ? `concat(extract(core, ${pattern}), ${literal(VARIABLE)})` : literal(VARIABLE)}`;
  });
  const opening = `substring(${token}, 1, length(${token}) - length(rest))`;
  const masked = `if(core = '', ${token}, concat(${opening}, multiIf(${branches.join(', ')}, core), substring(rest, length(core) + 1)))`;
  const cut = `arrayMap(rest -> arrayMap(core -> ${masked}, [trim(TRAILING ${literal(CLOSING_WRAPPERS)} FROM rest)])[1], [trim(LEADING ${literal(OPENING_WRAPPERS)} FROM ${token})])[1]`;
  return `if(match(${token}, ${literal(MAY_HOLD_VARIABLE.source)}), ${cut}, ${token})`;
}

/**
 * A ClickHouse string literal. A semicolon is written as its escape so that the DDL holding these
 * expressions splits into statements at every `;` (clickhouse-client --multiquery, 001-schema.sql).
 */
function literal(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/;/g, '\\x3B')}'`;
}
