/**
 * Sets an attribute within the limits normalizeEvent applies (attributeRejection in
 * libs/log-schema); past a limit it records `rule_failure` instead, and `abortOnFailureVrl`
 * then refuses the event naming the rule.
 *
 * Generated code writes event fields with `set!`, never `.field = value`: VRL then keeps their type
 * unknown, so every later rule reads them with `string!()` and `object!()` without warnings about
 * infallible calls.
 */
import { LIMITS } from '@logline/log-schema';
import { abortRule } from './rule-failure';
import { vrlString } from './vrl-syntax';

/** Adds `prefix + key` = `value`: `key` a text expression, `value` one of unknown type holding text. */
export function setAttributeVrl(prefix: string, key: string, value: string): string {
  const { attributeCount, attributeKeyBytes, attributeValueBytes } = LIMITS;
  return `if rule_failure == null {
  rule_key = ${vrlString(prefix)} + ${key}
  rule_value = string!(${value})
  rule_count = length(object!(.attributes))
  if get!(.attributes, [rule_key]) == null { rule_count = rule_count + 1 }
  if rule_count > ${attributeCount} {
    rule_failure = "more than ${attributeCount} attributes"
  } else if length(rule_key) > ${attributeKeyBytes} {
    rule_failure = "attribute name '" + truncate(rule_key, 40) + "' is " + to_string(length(rule_key)) + " bytes; the limit is ${attributeKeyBytes}"
  } else if length(rule_value) > ${attributeValueBytes} {
    rule_failure = "attribute '" + truncate(rule_key, 40) + "' is " + to_string(length(rule_value)) + " bytes; the limit is ${attributeValueBytes}"
  } else {
    .attributes = set!(.attributes, [rule_key], rule_value)
  }
}`;
}

export function abortOnFailureVrl(ruleName: string): string {
  return `if rule_failure != null {\n  ${abortRule(ruleName, 'string!(rule_failure)')}\n}`;
}
