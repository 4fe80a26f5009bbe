/**
 * Reads the fields of one mapping of the rules file, collecting every problem with its line and
 * the rule it belongs to ("line 12: rule 'parse-nginx': parse.regex: ..."), so one run reports
 * all of them.
 */
import type { LocatedYaml } from './located-yaml';

interface StringOptions {
  required?: boolean;
  /** The value must pass, e.g. a RegExp of a name's allowed characters. */
  pattern?: { test(value: string): boolean };
  /** What the pattern allows, in words, for the message. */
  expected?: string;
  maxLength?: number;
}

export class MappingReader {
  private constructor(
    readonly fields: Readonly<Record<string, unknown>>,
    private readonly located: LocatedYaml,
    /** "rule 'name'" and the path to this mapping, e.g. "parse.". */
    private readonly where: { rule: string; path: string; line: number },
    private readonly problems: string[],
  ) {}

  /** A reader over `value`, or undefined (with a problem recorded) when it is not a mapping. */
  static open(value: unknown, located: LocatedYaml, where: { rule: string; path: string; line: number }, problems: string[]): MappingReader | undefined {
    if (!isMapping(value)) {
      problems.push(`line ${where.line}: ${where.rule}: ${where.path.replace(/\.$/, '') || 'rule'}: must be a mapping of field: value`);
      return undefined;
    }
    return new MappingReader(value, located, where, problems);
  }

  /** The line a field is written on (the mapping's own line when absent). */
  line(field: string): number {
    return this.located.lineOf(this.fields, field) ?? this.where.line;
  }

  has(field: string): boolean {
    return this.fields[field] !== undefined && this.fields[field] !== null;
  }

  report(field: string, message: string): void {
    this.problems.push(`line ${this.line(field)}: ${this.where.rule}: ${this.where.path}${field}: ${message}`);
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

  string(field: string, options: StringOptions = {}): string | undefined {
    const value = this.present(field, options.required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') return this.fail(field, 'must be a non-empty text');
    if (options.maxLength !== undefined && value.length > options.maxLength) {
      return this.fail(field, `must be at most ${options.maxLength} characters`);
    }
    if (options.pattern && !options.pattern.test(value)) {
      return this.fail(field, `'${value.slice(0, 64)}' is not ${options.expected ?? 'allowed here'}`);
    }
    return value;
  }

  /** A list of texts; a single text is taken as a list of one. */
  strings(field: string): string[] | undefined {
    const value = this.present(field);
    if (value === undefined) return undefined;
    const list = typeof value === 'string' ? [value] : value;
    if (Array.isArray(list) && list.length > 0 && list.every((item) => typeof item === 'string' && item !== '')) return list;
    return this.fail(field, 'must be a non-empty list of texts');
  }

  /** `true`, the only value of a switch such as `drop: true`. */
  isTrue(field: string): boolean {
    if (this.fields[field] === true) return true;
    this.fail(field, `must be true, got ${JSON.stringify(this.fields[field])}`);
    return false;
  }

  number(field: string, check: (value: number) => boolean, expected: string): number | undefined {
    const value = this.present(field);
    if (value === undefined) return undefined;
    if (typeof value === 'number' && check(value)) return value;
    return this.fail(field, `must be ${expected}, got ${JSON.stringify(value)}`);
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
