/**
 * The words of a `q` search: maximal runs of ASCII letters and digits, lower-cased — the same
 * tokens ClickHouse's splitByNonAlpha text index holds for the message.
 */
import { BadRequestError } from '../errors';

const MAX_WORDS = 32;

export function toSearchWords(q: string | undefined): string[] | undefined {
  if (q === undefined || q.trim() === '') return undefined;
  const words = [...new Set(q.toLowerCase().match(/[a-z0-9]+/g) ?? [])];
  if (words.length === 0) {
    throw new BadRequestError(`q: '${q.slice(0, 64)}' has no words to search for (letters or digits)`);
  }
  if (words.length > MAX_WORDS) throw new BadRequestError(`q: at most ${MAX_WORDS} words, got ${words.length}`);
  return words;
}
