/** The event a rule works on: the row being built and its timestamp, with checked attribute writes. */
import { attributeRejection, type LogRow } from '@logline/log-schema';
import type { TextField } from '../rule';

export interface WorkingEvent {
  row: LogRow;
  timestampMs: number;
  /** How many attributes the row has: kept here so that adding one need not count them. */
  attributeCount: number;
}

/** Why a rule could not be applied to one event; that event goes to the dead letters. */
export class RuleFailure extends Error {}

/** The text a rule reads: the message, or an attribute (undefined when the event lacks it). */
export function readText(event: WorkingEvent, field: TextField): string | undefined {
  if (field === 'message') return event.row.message;
  return Object.hasOwn(event.row.attributes, field.attribute) ? event.row.attributes[field.attribute] : undefined;
}

/** Sets an attribute within the event limits of normalizeEvent, or throws RuleFailure. */
export function setAttribute(event: WorkingEvent, key: string, value: string): void {
  const attributes = event.row.attributes;
  const isNew = !Object.hasOwn(attributes, key);
  const rejection = attributeRejection(event.attributeCount + (isNew ? 1 : 0), key, value);
  if (rejection) throw new RuleFailure(rejection.reason);
  // Not `attributes[key] =` for `__proto__`: it must stay an attribute, not become the prototype.
  if (key === '__proto__') Object.defineProperty(attributes, key, { value, enumerable: true, writable: true, configurable: true });
  else attributes[key] = value;
  if (isNew) event.attributeCount += 1;
}

/** Removes an attribute the event may lack. */
export function removeAttribute(event: WorkingEvent, key: string): void {
  if (!Object.hasOwn(event.row.attributes, key)) return;
  delete event.row.attributes[key];
  event.attributeCount -= 1;
}
