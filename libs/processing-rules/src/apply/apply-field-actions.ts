/** Runs the small actions: set a field from an attribute, rename and remove attributes. */
import { normalizeField, type LogLevel, type SettableField } from '@logline/log-schema';
import type { RemoveAction, RenameAction, SetAction } from '../rule';
import { removeAttribute, RuleFailure, setAttribute, type WorkingEvent } from './working-event';

/** Unix time written as text (`1732813200`, `1732813200.5`): read as the number normalizeEvent takes. */
const UNIX_TIME_TEXT = /^-?[0-9]+(?:\.[0-9]+)?$/;

export function applySet(action: SetAction, event: WorkingEvent): void {
  for (const [field, attribute] of Object.entries(action.fields) as Array<[SettableField, string]>) {
    if (!Object.hasOwn(event.row.attributes, attribute)) continue;
    const text = event.row.attributes[attribute];
    const value = field === 'timestamp' && UNIX_TIME_TEXT.test(text) ? Number(text) : text;
    const result = normalizeField(field, value);
    if (!result.ok) throw new RuleFailure(`${result.reason} (from attribute '${attribute}')`);
    if (field === 'log_level') event.row.log_level = result.value as LogLevel;
    else event.row[field] = result.value;
    if (result.timestampMs !== undefined) event.timestampMs = result.timestampMs;
  }
}

export function applyRename(action: RenameAction, event: WorkingEvent): void {
  const attributes = event.row.attributes;
  for (const [from, to] of action.names) {
    if (!Object.hasOwn(attributes, from) || from === to) continue;
    const value = attributes[from];
    removeAttribute(event, from);
    setAttribute(event, to, value);
  }
}

export function applyRemove(action: RemoveAction, event: WorkingEvent): void {
  for (const name of action.names) removeAttribute(event, name);
}
