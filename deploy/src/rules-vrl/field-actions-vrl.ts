/**
 * Set, drop, sample, rename and remove in VRL, as applyRules runs them. A level or timestamp is
 * read by normalize.vrl's own blocks; Unix time written as digits is read as the number.
 */
import { LIMITS, type SettableField } from '@logline/log-schema';
import { sampleThreshold, type RemoveAction, type RenameAction, type SampleAction, type SetAction } from '@logline/processing-rules';
import { abortRule } from './rule-failure';
import type { SharedBlocks } from './shared-blocks';
import { indent, vrlString } from './vrl-syntax';

/** Emits nothing: the remap transform sends no event on. */
export const DROP_VRL = '. = []\nreturn .';

export function setVrl(ruleName: string, action: SetAction, blocks: SharedBlocks): string {
  return (Object.entries(action.fields) as Array<[SettableField, string]>)
    .map(([field, attribute]) => {
      const from = vrlString(` (from attribute '${attribute}')`);
      const body = SET_FIELD[field](blocks, (reason) => abortRule(ruleName, `${reason} + ${from}`));
      return `rule_value = get!(.attributes, [${vrlString(attribute)}])\nif rule_value != null {\n${indent(body)}\n}`;
    })
    .join('\n');
}

type SetField = (blocks: SharedBlocks, abort: (reason: string) => string) => string;

const SET_FIELD: Readonly<Record<SettableField, SetField>> = {
  timestamp: (blocks, abort) => `failure = null
millis = 0.0
time_value = rule_value
if match(string!(rule_value), r'^-?[0-9]+(?:\\.[0-9]+)?$') { time_value = to_float!(rule_value) }
${blocks['read-timestamp']}
if failure != null {
  ${abort('string!(failure.reason)')}
}
. = set!(., ["timestamp"], format_timestamp!(from_unix_timestamp!(to_int(millis), unit: "milliseconds"), "%Y-%m-%d %H:%M:%S%.3f", timezone: "UTC"))`,
  log_level: (blocks, abort) => `failure = null
log_level = null
level_text = rule_value
${blocks['read-level']}
if failure != null {
  ${abort('string!(failure.reason)')}
}
. = set!(., ["log_level"], log_level)`,
  source: (_blocks, abort) => `${labelLimitVrl('source', abort)}
if rule_text == "" {
  ${abort('"source must not be empty"')}
}
. = set!(., ["source"], rule_text)`,
  host: (_blocks, abort) => `${labelLimitVrl('host', abort)}\n. = set!(., ["host"], rule_text)`,
};

function labelLimitVrl(field: 'source' | 'host', abort: (reason: string) => string): string {
  return `rule_text = string!(rule_value)
if length(rule_text) > ${LIMITS.labelBytes} {
  ${abort(`"${field} is " + to_string(length(rule_text)) + " bytes; the limit is ${LIMITS.labelBytes}"`)}
}`;
}

/** Keeps the event when the first 32 bits of md5(sampleKey) are below the threshold (keepsSample). */
export function sampleVrl(ruleName: string, action: SampleAction): string {
  const key = [vrlString(ruleName), 'string!(.timestamp)', 'string!(.producer_id)', '(to_string(.seq) ?? "")', 'string!(.source)', 'string!(.host)', 'string!(.message)'].join(' + "\\n" + ');
  return `rule_key = ${key}
if parse_int!(slice!(md5(rule_key), 0, 8), 16) >= ${sampleThreshold(action.rate)} {
${indent(DROP_VRL)}
}`;
}

export function renameVrl(action: RenameAction): string {
  return action.names
    .filter(([from, to]) => from !== to)
    .map(([from, to]) => `rule_value = get!(.attributes, [${vrlString(from)}])
if rule_value != null {
  .attributes = remove!(.attributes, [${vrlString(from)}])
  .attributes = set!(.attributes, [${vrlString(to)}], rule_value)
}`)
    .join('\n');
}

export function removeVrl(action: RemoveAction): string {
  return action.names.map((name) => `.attributes = remove!(.attributes, [${vrlString(name)}])`).join('\n');
}
