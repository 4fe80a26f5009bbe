/**
 * Reads the fields of one mapping of a rules file, collecting every problem with where it is
 * ("rule 'payment-burst' (rules[0]): window: ..."), so one run reports all of them.
 */
import { formatDuration, parseDuration } from './duration';

interface StringOptions {
  required?: boolean;
  /** The value must match, e.g. a name's allowed characters. */
  pattern?: RegExp;
  /** What the pattern allows, in words, for the message. */
  expected?: string;
  maxLength?: number;
}

export class FieldReader {
  private constructor(
    private readonly fields: Readonly<Record<string, unknown>>,
    private readonly where: string,
    private readonly problems: string[],
  ) {}

  /** A reader over `value`, or undefined (with a problem recorded) when it is not a mapping. */
  static open(value: unknown, where: string, problems: string[]): FieldReader | undefined {
    if (!isMapping(value)) {
      problems.push(`${where}: must be a mapping of field: value`);
      return undefined;
    }
    return new FieldReader(value, where, problems);
  }

  has(field: string): boolean {
    return this.fields[field] !== undefined && this.fields[field] !== null;
  }

  report(field: string, message: string): void {
    this.problems.push(`${this.where}: ${field}: ${message}`);
  }

  /** Reports fields not in `known`: most often a typo that would otherwise be ignored. */
  onlyKnown(known: readonly string[]): void {
    for (const field of Object.keys(this.fields)) {
      if (!known.includes(field)) this.report(field, `unknown field (known: ${known.join(', ')})`);
    }
  }

  string(field: string, options: StringOptions = {}): string | undefined {
    const value = this.present(field, options.required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') return this.fail(field, 'must be a non-empty text');
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      return this.fail(field, `must be at most ${options.maxLength} characters`);
    }
    if (options.pattern && !options.pattern.test(value)) {
      return this.fail(field, `'${value.slice(0, 64)}' is not ${options.expected ?? `matching ${options.pattern}`}`);
    }
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], required = false): T | undefined {
    const value = this.present(field, false);
    if (value === undefined) return required ? this.fail(field, `is required (one of ${allowed.join(', ')})`) : undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    return this.fail(field, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }

  boolean(field: string): boolean | undefined {
    const value = this.present(field, false);
    if (value === undefined || typeof value === 'boolean') return value;
    return this.fail(field, `must be true or false, got ${JSON.stringify(value)}`);
  }

  integer(field: string, min: number, max: number): number | undefined {
    const value = this.present(field, false);
    if (value === undefined) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
    return this.fail(field, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }

  duration(field: string, minMs: number, maxMs: number, required = false): number | undefined {
    const value = this.present(field, required);
    if (value === undefined) return undefined;
    const ms = typeof value === 'string' ? parseDuration(value) : undefined;
    if (ms === undefined) return this.fail(field, `must be a duration such as 30s, 5m or 1h30m, got ${JSON.stringify(value)}`);
    if (ms < minMs || ms > maxMs) return this.fail(field, `must be from ${formatDuration(minMs)} to ${formatDuration(maxMs)}`);
    return ms;
  }

  /** A list of names; a single name is taken as a list of one. */
  names(field: string, pattern: RegExp): string[] | undefined {
    const value = this.present(field, false);
    if (value === undefined) return undefined;
    const list = typeof value === 'string' ? [value] : value;
    if (Array.isArray(list) && list.every((item) => typeof item === 'string' && pattern.test(item))) return list;
    return this.fail(field, `must be a list of names matching ${pattern}`);
  }

  /** A mapping of text keys matching `keyPattern` to text values (numbers are written as text). */
  labels(field: string, keyPattern: RegExp): Record<string, string> | undefined {
    const value = this.present(field, false);
    if (value === undefined) return undefined;
    if (!isMapping(value)) return this.fail(field, 'must be a mapping of name: value');
    const labels: Record<string, string> = {};
    for (const [key, item] of Object.entries(value)) {
      if (!keyPattern.test(key)) return this.fail(field, `label name '${key.slice(0, 64)}' does not match ${keyPattern}`);
      if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') {
        return this.fail(field, `label '${key}' must have a text value`);
      }
      labels[key] = String(item);
    }
    return labels;
  }

  private present(field: string, required = false): unknown {
    if (this.has(field)) return this.fields[field];
    if (required) this.report(field, 'is required');
    return undefined;
  }

  private fail(field: string, message: string): undefined {
    this.report(field, message);
    return undefined;
  }
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
