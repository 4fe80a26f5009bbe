/**
 * An Elasticsearch document as a candidate event. Objects are flattened into dotted names, so ECS
 * fields read the same nested (`{"log": {"level": "warn"}}`, as Filebeat sends them) or dotted
 * (`{"log.level": "warn"}`); then `log.level` → log_level, `service.name` → source,
 * `host.name` → host, `trace.id` → trace_id, `span.id` → span_id, unless the document also
 * has the wire field itself. The wire format's own names and aliases (`@timestamp`, `message`,
 * `level`...) work as everywhere. No level: INFO; no source: the index name (Fluent Bit's
 * `fluent-bit`, Filebeat's `filebeat-9.x.y`); the index name is also the attribute `index`.
 */
import { FIELD_ALIASES } from '@logline/log-schema';
import { UNSTATED_LEVEL } from '../candidate';

/** ECS names and the wire field each one fills. */
const ECS_FIELDS = [
  ['log.level', 'log_level'],
  ['service.name', 'source'],
  ['host.name', 'host'],
  ['trace.id', 'trace_id'],
  ['span.id', 'span_id'],
] as const;

/** Objects nested deeper than this stay whole (as JSON text), like any other value. */
const MAX_FLATTEN_DEPTH = 16;

export function ecsEvent(document: Record<string, unknown>, index: string): Record<string, unknown> {
  const event: Record<string, unknown> = {};
  flattenInto(event, document, '', 0);
  for (const [ecsName, wireName] of ECS_FIELDS) {
    if (event[ecsName] === undefined || hasField(event, wireName)) continue;
    event[wireName] = event[ecsName];
    delete event[ecsName];
  }
  if (!hasField(event, 'log_level')) event['log_level'] = UNSTATED_LEVEL;
  if (!hasField(event, 'source')) event['source'] = index;
  if (event['index'] === undefined) event['index'] = index;
  return event;
}

/** True when the event has the wire field under one of its names. */
function hasField(event: Record<string, unknown>, field: keyof typeof FIELD_ALIASES): boolean {
  return FIELD_ALIASES[field].some((name) => event[name] !== undefined && event[name] !== null);
}

function flattenInto(out: Record<string, unknown>, object: Record<string, unknown>, prefix: string, depth: number): void {
  for (const key of Object.keys(object)) {
    const value = object[key];
    const name = prefix + key;
    // `attributes` is the wire format's own object of attributes: it stays one.
    const flatten = value !== null && typeof value === 'object' && !Array.isArray(value) && name !== 'attributes' && depth < MAX_FLATTEN_DEPTH;
    if (flatten) flattenInto(out, value as Record<string, unknown>, `${name}.`, depth + 1);
    // The first spelling of a name (nested or dotted) wins; `__proto__` must stay a key (and only
    // it is defined that way: defined properties make every object a slow dictionary).
    else if (Object.hasOwn(out, name)) continue;
    else if (name === '__proto__') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
    else out[name] = value;
  }
}
