/** Processing rules as they run, validated and compiled from the rules file (see load-rules.ts). */
import type { SettableField } from '@logline/log-schema';
import type { ParsedSearch } from '@logline/search-syntax';
import type { MaskStyle } from './redact/mask';
import type { SafeRegex, SafeRegexSet } from './regex/safe-regex';

/** The message, or one attribute. */
export type TextField = 'message' | { attribute: string };

/** Where a redact rule looks: the message, every attribute, or one attribute. */
export type RedactTarget = TextField | 'attributes';

export type ParseFormat = 'regex' | 'grok' | 'key_value' | 'json';

export interface ParseAction {
  kind: 'parse';
  format: ParseFormat;
  /** For regex and grok (expanded); for key_value its fixed pattern, which VRL runs (the api runs readKeyValues). */
  regex?: SafeRegex;
  from: TextField;
  /** Put in front of every attribute name the rule produces. */
  prefix: string;
}

export interface SetAction {
  kind: 'set';
  /** Field to set -> attribute whose value it takes (rules of normalizeEvent apply). */
  fields: Partial<Record<SettableField, string>>;
}

export interface RedactPattern {
  /** The detector's name, or `pattern N` for the N-th custom pattern. */
  name: string;
  regex: SafeRegex;
  check?: 'luhn';
}

export interface RedactAction {
  kind: 'redact';
  patterns: readonly RedactPattern[];
  /** The same patterns as one set: a text none of them matches is passed over in one scan. */
  patternSet: SafeRegexSet;
  targets: readonly RedactTarget[];
  mask: MaskStyle;
}

export interface DropAction {
  kind: 'drop';
}

export interface SampleAction {
  kind: 'sample';
  /** Fraction of matching events kept, 0 < rate < 1. */
  rate: number;
}

export interface RenameAction {
  kind: 'rename';
  /** Old attribute name -> new name, applied in order. */
  names: ReadonlyArray<readonly [string, string]>;
}

export interface RemoveAction {
  kind: 'remove';
  names: readonly string[];
}

export type RuleAction = ParseAction | SetAction | RedactAction | DropAction | SampleAction | RenameAction | RemoveAction;

export interface ProcessingRule {
  name: string;
  /** Line of the rule in its file, for messages. */
  line: number;
  /** The rule acts only on events matching this search; undefined = every event. */
  when: { text: string; search: ParsedSearch } | undefined;
  action: RuleAction;
}

