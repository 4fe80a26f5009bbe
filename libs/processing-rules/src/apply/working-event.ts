/** The event a rule works on: the row being built and its timestamp, with checked attribute writes. */
import { attributeRejection, type LogRow } from '@logline/log-schema';
import type { TextField } from '../rule';

export interface WorkingEvent {
  row: LogRow;
  timestampMs: number;
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
  const count = Object.keys(attributes).length + (Object.hasOwn(attributes, key) ? 0 : 1);
  const rejection = attributeRejection(count, key, value);
  if (rejection) throw new RuleFailure(rejection.reason);
  // Not `attributes[key] =`: a `__proto__` key must stay an attribute, not become the prototype.
  Object.defineProperty(attributes, key, { value, enumerable: true, writable: true, configurable: true });
}
