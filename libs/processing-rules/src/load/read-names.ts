/** How rules name the message and attributes they read and write. */
import { LIMITS } from '@logline/log-schema';
import type { TextField } from '../rule';
import type { MappingReader } from '@logline/rules-file';

/** True when `name` can be stored as an attribute name. */
export function isAttributeName(name: string): boolean {
  return name !== '' && Buffer.byteLength(name) <= LIMITS.attributeKeyBytes;
}

export const ATTRIBUTE_NAME_EXPECTED = `an attribute name of 1 to ${LIMITS.attributeKeyBytes} bytes`;

/** `message` or `attributes.<name>`. */
export function readTextField(reader: MappingReader, field: string, fallback: TextField): TextField | undefined {
  const value = reader.string(field);
  if (value === undefined) return reader.has(field) ? undefined : fallback;
  if (value === 'message') return 'message';
  const attribute = value.startsWith('attributes.') ? value.slice('attributes.'.length) : undefined;
  if (attribute !== undefined && isAttributeName(attribute)) return { attribute };
  reader.report(field, `must be message or attributes.<name>, got '${value.slice(0, 64)}'`);
  return undefined;
}

/** A list of attribute names (a single name is a list of one). */
export function readAttributeNames(reader: MappingReader, field: string): string[] | undefined {
  const names = reader.strings(field);
  const wrong = names?.find((name) => !isAttributeName(name));
  if (wrong === undefined) return names;
  reader.report(field, `'${wrong.slice(0, 64)}' is not ${ATTRIBUTE_NAME_EXPECTED}`);
  return undefined;
}
