/**
 * Reads the fields of one mapping of a YAML rules file (processing rules, alert rules),
 * collecting every problem with where it is — "line 12: rule 'parse-nginx': parse.regex: ..."
 * when the file was read with its lines (readLocatedYaml), "rule 'payment-burst' (rules[0]):
 * window: ..." otherwise — so one run reports all of them.
 */
import type { LocatedYaml } from './located-yaml';

export interface StringOptions {
  required?: boolean;
  /** The value must pass, e.g. a RegExp of a name's allowed characters. */
  pattern?: { test(value: string): boolean };
  /** What the pattern allows, in words, for the message. */
  expected?: string;
  maxLength?: number;
}

/** Where a mapping is: the rule (or receiver) it belongs to, the path within it, its line if known. */
export interface MappingPlace {
  /** e.g. "rule 'parse-nginx'". */
  rule: string;
  /** The path to this mapping within the rule, e.g. "parse.", or "". */
  path: string;
  line?: number;
}

export class MappingReader {
  private constructor(
    readonly fields: Readonly<Record<string, unknown>>,
    private readonly located: LocatedYaml | undefined,
    private readonly where: MappingPlace,
    private readonly problems: string[],
  ) {}

  /** A reader over `value`, or undefined (with a problem recorded) when it is not a mapping. */
  static open(value: unknown, located: LocatedYaml | undefined, where: MappingPlace, problems: string[]): MappingReader | undefined {
    if (!isMapping(value)) {
      const path = where.path.replace(/\.$/, '');
      problems.push(`${linePrefix(where.line)}${where.rule}: ${path === '' ? '' : `${path}: `}must be a mapping of field: value`);
      return undefined;
    }
    return new MappingReader(value, located, where, problems);
  }

  /** The line a field is written on (the mapping's own line when absent or not known). */
  line(field: string): number | undefined {
    return this.located?.lineOf(this.fields, field) ?? this.where.line;
  }

  has(field: string): boolean {
    return this.fields[field] !== undefined && this.fields[field] !== null;
  }

  report(field: string, message: string): void {
    this.problems.push(`${linePrefix(this.line(field))}${this.where.rule}: ${this.where.path}${field}: ${message}`);
  }

  /** Reports fields not in `known`: most often a typo that would otherwise be ignored. */
  onlyKnown(known: readonly string[]): void {
    for (const field of Object.keys(this.fields)) {
      if (!known.includes(field)) this.report(field, `unknown field (known: ${known.join(', ')})`);
    }
  }

  /** A nested mapping's reader. */
  mapping(field: string): MappingReader | undefined {
    return MappingReader.open(this.fields[field], this.located, { ...this.where, path: `${this.where.path}${field}.`, line: this.line(field) }, this.problems);
  }

  /** The field's value, or undefined when absent (reported as missing when `required`). */
  value(field: string, required = false): unknown {
    if (this.has(field)) return this.fields[field];
    if (required) this.report(field, 'is required');
    return undefined;
  }

  string(field: string, options: StringOptions = {}): string | undefined {
    const value = this.value(field, options.required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '') return this.fail(field, 'must be a non-empty text');
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      return this.fail(field, `must be at most ${options.maxLength} characters`);
    }
    if (options.pattern && !options.pattern.test(value)) {
      return this.fail(field, `'${value.slice(0, 64)}' is not ${options.expected ?? 'allowed here'}`);
    }
    return value;
  }

  /** A non-empty list of texts; a single text is taken as a list of one. */
  strings(field: string): string[] | undefined {
    const value = this.value(field);
    if (value === undefined) return undefined;
    const list = typeof value === 'string' ? [value] : value;
    if (Array.isArray(list) && list.length > 0 && list.every((item) => typeof item === 'string' && item !== '')) return list;
    return this.fail(field, 'must be a non-empty list of texts');
  }

  /** A list of names, possibly empty; a single name is taken as a list of one. */
  names(field: string, pattern: RegExp): string[] | undefined {
    const value = this.value(field);
    if (value === undefined) return undefined;
    const list = typeof value === 'string' ? [value] : value;
    if (Array.isArray(list) && list.every((item) => typeof item === 'string' && pattern.test(item))) return list;
    return this.fail(field, `must be a list of names matching ${pattern}`);
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], required = false): T | undefined {
    const value = this.value(field);
    if (value === undefined) return required ? this.fail(field, `is required (one of ${allowed.join(', ')})`) : undefined;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    return this.fail(field, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }

  boolean(field: string): boolean | undefined {
    const value = this.value(field);
    if (value === undefined || typeof value === 'boolean') return value;
    return this.fail(field, `must be true or false, got ${JSON.stringify(value)}`);
  }

  /** `true`, the only value of a switch such as `drop: true`. */
  isTrue(field: string): boolean {
    if (this.fields[field] === true) return true;
    this.fail(field, `must be true, got ${JSON.stringify(this.fields[field])}`);
    return false;
  }

  number(field: string, check: (value: number) => boolean, expected: string): number | undefined {
    const value = this.value(field);
    if (value === undefined) return undefined;
    if (typeof value === 'number' && check(value)) return value;
    return this.fail(field, `must be ${expected}, got ${JSON.stringify(value)}`);
  }

  integer(field: string, min: number, max: number): number | undefined {
    return this.number(field, (value) => Number.isInteger(value) && value >= min && value <= max, `a whole number from ${min} to ${max}`);
  }

  /** A mapping of text keys matching `keyPattern` to text values (numbers are written as text). */
  labels(field: string, keyPattern: RegExp): Record<string, string> | undefined {
    const value = this.value(field);
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

  private fail(field: string, message: string): undefined {
    this.report(field, message);
    return undefined;
  }
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function linePrefix(line: number | undefined): string {
  return line === undefined ? '' : `line ${line}: `;
}
