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

const IS_OPENING = markCharacters(OPENING_WRAPPERS);
const IS_CLOSING = markCharacters(CLOSING_WRAPPERS);

/**
 * A message's template: its first {@link MAX_TOKENS} whitespace-separated tokens joined by single
 * spaces, with every variable (see variable-rules.ts) replaced by `<*>` and adjacent variables
 * collapsed into one. A pure function of the message: the same message gives the same template in
 * every process, whatever else it has seen.
 *
 * Steps, in this order (the order other implementations must follow): normalise whitespace and cut
 * to the first tokens; apply the message rules; mask each token's core between its wrappers with
 * the first token rule that matches; collapse runs of bare `<*>` tokens.
 */
export function maskMessage(message: string): string {
  const tokens = splitFirstTokens(message);
  // Most messages hold no date or quoted string: they skip the rewrite and its second split.
  if (!MESSAGE_RULES.some((rule) => rule.hint.test(message))) return maskTokens(tokens);
  let text = tokens.join(' ');
  for (const rule of MESSAGE_RULES) text = text.replace(rule.pattern, rule.replacement);
  return maskTokens(text.split(' '));
}

function splitFirstTokens(message: string): string[] {
  const tokens = message.split(WHITESPACE, MAX_TOKENS + 1);
  if (tokens[0] === '') tokens.shift();
  if (tokens[tokens.length - 1] === '') tokens.pop();
  if (tokens.length > MAX_TOKENS) tokens.length = MAX_TOKENS;
  return tokens;
}

function maskTokens(tokens: readonly string[]): string {
  let template = '';
  let previousIsVariable = false;
  for (const token of tokens) {
    const masked = maskToken(token);
    const isVariable = masked === VARIABLE;
    if (!(isVariable && previousIsVariable)) template += template === '' ? masked : ` ${masked}`;
    previousIsVariable = isVariable;
  }
  return template;
}

function maskToken(token: string): string {
  let start = 0;
  while (start < token.length && isMarked(IS_OPENING, token.charCodeAt(start))) start++;
  let end = token.length;
  while (end > start && isMarked(IS_CLOSING, token.charCodeAt(end - 1))) end--;
  if (start === 0 && end === token.length) return maskCore(token);
  const core = token.slice(start, end);
  const masked = maskCore(core);
  return masked === core ? token : token.slice(0, start) + masked + token.slice(end);
}

function maskCore(core: string): string {
  if (core === '' || !MAY_HOLD_VARIABLE.test(core)) return core;
  for (const rule of TOKEN_RULES) {
    if (rule.needs !== undefined && !core.includes(rule.needs)) continue;
    const match = rule.pattern.exec(core);
    if (match !== null) return rule.keepsKey ? match[1] + VARIABLE : VARIABLE;
  }
  return core;
}

function markCharacters(characters: string): Uint8Array {
  const marks = new Uint8Array(128);
  for (const character of characters) marks[character.charCodeAt(0)] = 1;
  return marks;
}

function isMarked(marks: Uint8Array, code: number): boolean {
  return code < 128 && marks[code] === 1;
}
