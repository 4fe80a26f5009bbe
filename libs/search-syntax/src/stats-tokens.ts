/**
 * The words and punctuation of a stats command (`stats p99(attributes.duration_ms) by host`),
 * each with its position in the whole query so messages point at it.
 */
import { SearchSyntaxError } from './search-syntax-error';

export interface StatsToken {
  readonly kind: 'word' | '(' | ')' | ',' | 'end';
  readonly text: string;
  /** Position in the whole query, from 0. */
  readonly position: number;
}

/** `attributes.<name>`: any characters but spaces, quotes, `:` and the command's own punctuation. */
const ATTRIBUTE = /attributes\.[^\s,()|":]*/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const PUNCTUATION = new Set(['(', ')', ',']);

export class StatsTokens {
  private index = 0;
  private readonly tokens: StatsToken[];

  /** `text` is the command after the pipe; `offset` where it starts in the query. */
  constructor(text: string, offset: number) {
    this.tokens = tokenize(text, offset);
  }

  peek(): StatsToken {
    return this.tokens[this.index];
  }

  next(): StatsToken {
    const token = this.tokens[this.index];
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  /** Takes the next token when it is `kind` (and, for a word, `word` in any case). */
  accept(kind: StatsToken['kind'], word?: string): boolean {
    const token = this.peek();
    if (token.kind !== kind || (word !== undefined && token.text.toLowerCase() !== word)) return false;
    this.next();
    return true;
  }
}

/** What a token looks like in a message: `'by'`, or "the end of the query". */
export function describeToken(token: StatsToken): string {
  return token.kind === 'end' ? 'the end of the query' : `'${token.text.slice(0, 40)}'`;
}

function tokenize(text: string, offset: number): StatsToken[] {
  const tokens: StatsToken[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (/\s/.test(char)) {
      i += 1;
    } else if (PUNCTUATION.has(char)) {
      tokens.push({ kind: char as '(' | ')' | ',', text: char, position: offset + i });
      i += 1;
    } else {
      const word = matchAt(ATTRIBUTE, text, i) ?? matchAt(WORD, text, i);
      if (word === undefined) throw new SearchSyntaxError(unexpected(char), offset + i);
      if (word === 'attributes.') throw new SearchSyntaxError("'attributes.' needs an attribute name, e.g. attributes.duration_ms", offset + i);
      tokens.push({ kind: 'word', text: word, position: offset + i });
      i += word.length;
    }
  }
  tokens.push({ kind: 'end', text: '', position: offset + text.length });
  return tokens;
}

function unexpected(char: string): string {
  if (char === '|') return "only one '|' is allowed: a query is a search, then one stats command";
  if (char === '"') return 'a stats command takes no quoted text: field names only';
  return `unexpected '${char}' in the stats command`;
}

function matchAt(pattern: RegExp, text: string, index: number): string | undefined {
  pattern.lastIndex = index;
  return pattern.exec(text)?.[0];
}
