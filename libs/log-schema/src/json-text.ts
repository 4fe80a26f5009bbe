/** Values as JSON text, written the way Vector's VRL writes them, so both ingest paths agree. */
import { compareCodePoints } from './code-point-order';

/**
 * JSON text in the one form both ingest paths produce. VRL holds objects as sorted maps and
 * writes floats as Rust's `ryu` does, so object keys are sorted by code point, integers below
 * 2^53 are plain digits, and any other number is its shortest round-trip digits in ryu's layout
 * (`0.25`, `1e21`, `1.5e-7`, `9007199254740992.0`).
 */
export function jsonText(value: unknown): string {
  if (typeof value === 'number') return numberText(value);
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const keys = Object.keys(value).sort(compareCodePoints);
  return `{${keys.map((key) => `${JSON.stringify(key)}:${jsonText((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  if (Number.isInteger(value) && Math.abs(value) < 2 ** 53) return String(value);
  const [mantissa, exponent] = value.toExponential().split('e');
  const sign = value < 0 ? '-' : '';
  const digits = mantissa.replace('-', '').replace('.', '');
  const point = Number(exponent) + 1; // digits before the decimal point
  if (point >= digits.length && point <= 16) return `${sign}${digits}${'0'.repeat(point - digits.length)}.0`;
  if (point > 0 && point <= 16) return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  if (point > -5 && point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
  return `${sign}${digits[0]}${fraction}e${point - 1}`;
}
