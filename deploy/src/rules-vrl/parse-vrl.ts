/** A parse rule in VRL, as applyParse runs it (libs/processing-rules/src/apply/apply-parse.ts). */
import type { ParseAction, TextField } from '@logline/processing-rules';
import { abortOnFailureVrl, setAttributeVrl } from './set-attributes-vrl';
import type { SharedBlocks } from './shared-blocks';
import { indent, vrlRegex, vrlString } from './vrl-syntax';

/** The JSON object from the first `{` to the last `}`. */
const EMBEDDED_JSON = String.raw`(?s)^[^{]*(?P<json>\{.*\})`;

export function parseVrl(ruleName: string, action: ParseAction, blocks: SharedBlocks): string {
  const body = `rule_text = string!(rule_text)\nrule_failure = null\n${addFieldsVrl(action, blocks)}\n${abortOnFailureVrl(ruleName)}`;
  return `${readTextVrl(action.from)}\nif rule_text != null {\n${indent(body)}\n}`;
}

/** Sets `rule_text` to the message, or to an attribute's value (null when the event lacks it). */
export function readTextVrl(field: TextField): string {
  return field === 'message' ? 'rule_text = .message' : `rule_text = get!(.attributes, [${vrlString(field.attribute)}])`;
}

/** Adds the attributes found in `rule_text`; nothing when it does not have the shape. */
function addFieldsVrl(action: ParseAction, blocks: SharedBlocks): string {
  const addEach = `for_each(rule_fields) -> |rule_name, rule_found| {\n  if rule_found != null {\n${indent(setAttributeVrl(action.prefix, 'rule_name', 'rule_found'), 2)}\n  }\n}`;
  if (action.format === 'json') return `${jsonFieldsVrl(blocks)}\n${addEach}`;
  const pattern = vrlRegex(action.regex?.rustSource ?? '');
  if (action.format === 'key_value') {
    const value = `rule_found = if rule_match.quoted != null { replace(string!(rule_match.quoted), r'(?s)\\\\(.)', "$1") } else { rule_match.bare }`;
    return `for_each(parse_regex_all!(rule_text, ${pattern})) -> |_index, rule_match| {\n${indent(`${value}\n${setAttributeVrl(action.prefix, 'string!(rule_match.key)', 'rule_found')}`)}\n}`;
  }
  return `rule_fields, rule_error = parse_regex(rule_text, ${pattern})\nif rule_error == null {\n${indent(addEach)}\n}`;
}

/** Sets `rule_fields` to the embedded JSON object's fields (non-text values as JSON text). */
function jsonFieldsVrl(blocks: SharedBlocks): string {
  return `rule_fields = {}
rule_json, rule_error = parse_regex(rule_text, ${vrlRegex(EMBEDDED_JSON)})
if rule_error == null {
  parsed, rule_error = parse_json(string!(rule_json.json))
  if rule_error == null && is_object(parsed) {
${indent(blocks['json-numbers'], 2)}
    rule_fields = map_values(object!(event)) -> |rule_value| {
      if is_string(rule_value) { rule_value } else { encode_json(rule_value) }
    }
  }
}`;
}
