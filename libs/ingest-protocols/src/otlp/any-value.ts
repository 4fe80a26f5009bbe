/**
 * OTLP AnyValue as text for a message or an attribute: strings as they are, everything else as
 * its JSON text in the form both ingest paths write (see jsonText in log-schema). A value of the
 * wrong shape (from OTLP/JSON) is a PayloadError naming where it is.
 */
import { jsonText } from '@logline/log-schema';
import { PayloadError } from '../candidate';
import type { OtlpAnyValue, OtlpKeyValue } from './otlp-shape';

/** The value as text; undefined for an absent or empty AnyValue. */
export function anyValueText(value: OtlpAnyValue | undefined, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value.stringValue === 'string') return value.stringValue;
  // A 64-bit integer keeps all its digits, which a JSON number could not.
  if (value.intValue !== undefined) return String(integerValue(value.intValue, where));
  const plain = plainValue(value, where);
  return plain === undefined ? undefined : jsonText(plain);
}

/** key → text of each pair with a value, in order (a later duplicate key wins). */
export function keyValueTexts(pairs: unknown, where: string): Record<string, string> {
  const texts: Record<string, string> = {};
  keyValueList(pairs, where).forEach((pair, index) => {
    const text = anyValueText(pair.value, `${where}[${index}].value`);
    // Not `texts[key] =`: a `__proto__` key must stay a key.
    if (text !== undefined) Object.defineProperty(texts, pair.key, { value: text, enumerable: true, writable: true, configurable: true });
  });
  return texts;
}

/** The value as plain JSON data: kvlists become objects, int64 numbers when exact (else their digits). */
function plainValue(value: OtlpAnyValue | undefined, where: string): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new PayloadError(`${where} must be an AnyValue object`);
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return integerValue(value.intValue, where);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.bytesValue !== undefined) return value.bytesValue;
  if (value.arrayValue !== undefined) {
    const items = list(value.arrayValue?.values, `${where}.arrayValue.values`);
    return items.map((item, index) => plainValue(item as OtlpAnyValue, `${where}.arrayValue.values[${index}]`) ?? null);
  }
  if (value.kvlistValue !== undefined) {
    const object: Record<string, unknown> = {};
    keyValueList(value.kvlistValue?.values, `${where}.kvlistValue.values`).forEach((pair, index) => {
      const item = plainValue(pair.value, `${where}.kvlistValue.values[${index}].value`) ?? null;
      Object.defineProperty(object, pair.key, { value: item, enumerable: true, writable: true, configurable: true });
    });
    return object;
  }
  return undefined;
}

function integerValue(value: unknown, where: string): number | string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^-?\d{1,20}$/.test(text)) throw new PayloadError(`${where}.intValue must be an integer`);
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : text;
}

function keyValueList(pairs: unknown, where: string): OtlpKeyValue[] {
  const items = list(pairs, where);
  items.forEach((pair, index) => {
    if (pair === null || typeof pair !== 'object' || typeof (pair as OtlpKeyValue).key !== 'string') {
      throw new PayloadError(`${where}[${index}] must be a KeyValue object with a string key`);
    }
  });
  return items as OtlpKeyValue[];
}

/** The items of an OTLP repeated field (absent: none), or a PayloadError naming it. */
export function list(value: unknown, where: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new PayloadError(`${where} must be an array`);
  return value;
}
