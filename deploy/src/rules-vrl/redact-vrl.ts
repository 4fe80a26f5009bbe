/** A redact rule in VRL, as applyRedact runs it (libs/processing-rules/src/apply/apply-redact.ts). */
import type { RedactAction, RedactPattern } from '@logline/processing-rules';
import { indent, vrlRegex, vrlString } from './vrl-syntax';

export function redactVrl(action: RedactAction): string {
  const chain = action.patterns.map((pattern) => maskMatchesVrl(pattern, action.mask)).join('\n');
  return action.targets
    .map((target) => {
      if (target === 'message') return `rule_text = string!(.message)\n${chain}\n. = set!(., ["message"], rule_text)`;
      if (target === 'attributes') {
        const each = indent(`rule_text = string!(rule_value)\n${chain}\nrule_text`);
        return `. = set!(., ["attributes"], map_values(object!(.attributes)) -> |rule_value| {\n${each}\n})`;
      }
      const name = vrlString(target.attribute);
      return `rule_value = get!(.attributes, [${name}])\nif rule_value != null {\n${indent(`rule_text = string!(rule_value)\n${chain}\n.attributes = set!(.attributes, [${name}], rule_text)`)}\n}`;
    })
    .join('\n');
}

/** Replaces each match in `rule_text` by its masked form. */
function maskMatchesVrl(pattern: RedactPattern, mask: RedactAction['mask']): string {
  const hasSecret = pattern.regex.groupNames.includes('secret');
  const hidden = hasSecret ? 'rule_hidden = if rule_match.secret != null { string!(rule_match.secret) } else { rule_found }' : 'rule_hidden = rule_found';
  const masked = hasSecret ? 'replace(rule_found, rule_hidden, rule_masked, count: 1)' : 'rule_masked';
  const condition = pattern.check === 'luhn' ? `rule_found != "" && ${luhnVrl()}` : 'rule_found != ""';
  return `# ${pattern.name}
rule_text = replace_with(rule_text, ${vrlRegex(pattern.regex.rustSource)}) -> |rule_match| {
  rule_found = rule_match.string
  rule_result = rule_found
  if ${condition} {
    ${hidden}
${indent(maskTextVrl(mask), 2)}
    rule_result = ${masked}
  }
  rule_result
}`;
}

/** `rule_masked`: `rule_hidden` masked as maskText does, counting characters as Rust does. */
function maskTextVrl(mask: RedactAction['mask']): string {
  // `$` starts a group reference in a replacement text.
  const replacement = vrlString(mask.char === '$' ? '$$' : mask.char);
  return `rule_chars = split(rule_hidden, "")
rule_chars = slice!(rule_chars, 1, length(rule_chars) - 1)
rule_kept = to_int(length(rule_chars) / 2)
if rule_kept > ${mask.keepLast} { rule_kept = ${mask.keepLast} }
rule_cut = length(rule_chars) - rule_kept
rule_masked = replace(join!(slice!(rule_chars, 0, rule_cut), ""), r'(?s).', ${replacement}) + join!(slice!(rule_chars, rule_cut), "")`;
}

/** True when `rule_found`'s digits pass the Luhn check (passesLuhn in libs/processing-rules). */
function luhnVrl(): string {
  return `{
    rule_digits = replace(rule_found, r'[ -]', "")
    rule_sum = 0
    rule_length = length(rule_digits)
    for_each(chunks(rule_digits, 1)) -> |rule_index, rule_digit| {
      rule_number = to_int!(rule_digit)
      if mod(rule_length - rule_index, 2) == 0 {
        rule_number = rule_number * 2
        if rule_number > 9 { rule_number = rule_number - 9 }
      }
      rule_sum = rule_sum + rule_number
    }
    mod(rule_sum, 10) == 0
  }`;
}
