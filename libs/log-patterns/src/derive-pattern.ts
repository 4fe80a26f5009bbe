import { hash } from 'node:crypto';
import { maskMessage } from './mask-message';

/** A message's pattern as stored with its event. */
export interface Pattern {
  /** 16 lowercase hex characters: the first 64 bits of the template's SHA-256. */
  readonly patternId: string;
  /** The message with its variables masked as `<*>`. */
  readonly template: string;
}

/**
 * Ids of recently seen templates. Events repeat a few thousand templates, and hashing one costs
 * more than half of masking a message; the bounds keep the cache under ~8 MB (it forgets all when full).
 */
const recentIds = new Map<string, string>();
const RECENT_IDS = 4096;
const LONGEST_CACHED_TEMPLATE = 1024;

/**
 * The pattern of a message. The id is derived from the template alone (not from any miner state),
 * so every api process — after a restart, or a replica that saw other traffic — gives a message the
 * same id, and SQL or VRL that builds the same template gets the same id with its own SHA-256.
 */
export function derivePattern(message: string): Pattern {
  const template = maskMessage(message);
  return { patternId: patternIdOf(template), template };
}

/** True for the form every pattern id has (patternIdOf): 16 lower-case hex digits. */
export function isPatternId(value: string): boolean {
  return /^[0-9a-f]{16}$/.test(value);
}

/** The id of a template: SHA-256 of its UTF-8 bytes, first 8 bytes as hex. */
export function patternIdOf(template: string): string {
  const cached = recentIds.get(template);
  if (cached !== undefined) return cached;
  const patternId = hash('sha256', template, 'hex').slice(0, 16);
  if (template.length <= LONGEST_CACHED_TEMPLATE) {
    if (recentIds.size >= RECENT_IDS) recentIds.clear();
    recentIds.set(template, patternId);
  }
  return patternId;
}
