/**
 * Runs a redact rule: in each target text, every match of each pattern (in order) is masked but
 * for its last characters. Where a pattern has a group named `secret` that took part in the match,
 * only the first occurrence of that group's text within the match is masked.
 */
import { passesLuhn } from '../redact/detectors';
import { maskText, type MaskStyle } from '../redact/mask';
import type { RedactAction, RedactPattern } from '../rule';
import { setAttribute, type WorkingEvent } from './working-event';

export function applyRedact(action: RedactAction, event: WorkingEvent): void {
  for (const target of action.targets) {
    if (target === 'message') event.row.message = redactText(event.row.message, action);
    else {
      const names = target === 'attributes' ? Object.keys(event.row.attributes) : [target.attribute];
      for (const name of names) {
        if (!Object.hasOwn(event.row.attributes, name)) continue;
        const value = event.row.attributes[name];
        const redacted = redactText(value, action);
        if (redacted !== value) setAttribute(event, name, redacted);
      }
    }
  }
}

function redactText(text: string, action: RedactAction): string {
  // One scan finds the patterns that match; most texts hold no secret and need no other.
  let matching = action.patternSet.matching(text);
  if (matching.length === 0) return text;
  let result = text;
  for (const [index, pattern] of action.patterns.entries()) {
    if (!matching.includes(index)) continue;
    const masked = maskMatches(result, pattern, action.mask);
    if (masked === result) continue;
    result = masked;
    // The masked text is what the later patterns read, as when each scans it in turn.
    matching = action.patternSet.matching(result);
  }
  return result;
}

/** Masks every match of a pattern known to match somewhere in the text. */
function maskMatches(text: string, pattern: RedactPattern, mask: MaskStyle): string {
  let out = '';
  let last = 0;
  for (const match of pattern.regex.matchAll(text)) {
    const found = match[0];
    if (found === '' || (pattern.check === 'luhn' && !passesLuhn(found))) continue;
    out += text.slice(last, match.index) + maskMatch(found, match.groups?.['secret'], mask);
    last = match.index + found.length;
  }
  return last === 0 ? text : out + text.slice(last);
}

function maskMatch(found: string, secret: string | undefined, mask: MaskStyle): string {
  if (secret === undefined) return maskText(found, mask);
  const at = found.indexOf(secret);
  return found.slice(0, at) + maskText(secret, mask) + found.slice(at + secret.length);
}
