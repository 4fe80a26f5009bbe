/**
 * The built-in detectors a `redact` rule names. Each is an RE2 pattern; where it has a group named
 * `secret`, only that part of a match is masked (the `Bearer ` or `api_key=` before it stays
 * readable). `card_number` matches also pass the Luhn check, so order numbers and timestamps of
 * the same length are left alone.
 */
import { GROK_PATTERNS } from '../parse/grok-patterns';

export type DetectorName = 'card_number' | 'email' | 'bearer_token' | 'api_key' | 'ip';

export interface Detector {
  pattern: string;
  /** A further test a match must pass to be masked. */
  check?: 'luhn';
}

/** Key names whose value is a credential: `api_key=...`, `"client_secret": "..."`. */
const CREDENTIAL_KEY = String.raw`(?i:\b(?:api[_-]?key|access[_-]?key|secret[_-]?key|client[_-]?secret|access[_-]?token|auth[_-]?token|password|passwd))`;

/** Credentials with a recognisable shape: Stripe, GitHub, AWS access key ids, Slack. */
const SHAPED_KEYS = [
  String.raw`\b(?:sk|pk|rk)_(?:live|test)_[0-9A-Za-z]{16,}`,
  String.raw`\bgh[pousr]_[0-9A-Za-z]{36}\b`,
  String.raw`\bAKIA[0-9A-Z]{16}\b`,
  String.raw`\bxox[abprs]-[0-9A-Za-z-]{10,}`,
];

export const DETECTORS: Readonly<Record<DetectorName, Detector>> = Object.freeze({
  // 13 to 19 digits, optionally grouped by single spaces or dashes.
  card_number: { pattern: String.raw`\b(?:\d[ -]?){12,18}\d\b`, check: 'luhn' },
  email: { pattern: GROK_PATTERNS['EMAILADDRESS'] },
  // `Bearer <token>` (at least 8 token characters), or a bare JSON Web Token.
  bearer_token: { pattern: String.raw`\b(?i:bearer)\s+(?P<secret>[0-9A-Za-z._~+/-]{8,}=*)|\beyJ[0-9A-Za-z_-]+\.[0-9A-Za-z_-]+\.[0-9A-Za-z_-]+` },
  api_key: { pattern: [String.raw`${CREDENTIAL_KEY}["']?\s*[:=]\s*["']?(?P<secret>[^\s"',;&]{6,})`, ...SHAPED_KEYS].join('|') },
  ip: { pattern: `${GROK_PATTERNS['IPV4']}|${GROK_PATTERNS['IPV6']}` },
});

export const DETECTOR_NAMES = Object.keys(DETECTORS) as DetectorName[];

/** The Luhn checksum of a card number: `digits` may hold spaces and dashes between digits. */
export function passesLuhn(text: string): boolean {
  const digits = text.replace(/[ -]/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(i) - 0x30;
    // Every second digit from the right is doubled.
    if ((digits.length - i) % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
