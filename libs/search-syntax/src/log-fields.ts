/**
 * The fields of a stored event that a query may name — in a search term (`host:web-1`), after
 * `by` or inside a function of a stats query (`count_distinct(producer)`) — keyed by the column
 * that holds them, with the names people type for each (the first is the one shown). This table
 * is the allow-list: a column becomes searchable and aggregatable by adding its line here.
 */
export const LOG_FIELDS = {
  log_level: ['level', 'log_level'],
  source: ['source'],
  host: ['host'],
  producer_id: ['producer_id', 'producer'],
  trace_id: ['trace_id'],
  span_id: ['span_id'],
} as const satisfies Record<string, readonly string[]>;

/** A column a query can name. */
export type LogField = keyof typeof LOG_FIELDS;

/**
 * An event's pattern, as the Patterns view lists it (`pattern` in a query). Not a column: the
 * stored `pattern_id` is the template's own id, and a listed pattern may stand for several of
 * them, so storage resolves it (a term matches every event the listed pattern counts; `by
 * pattern` groups by listed pattern).
 */
export const PATTERN_FIELD = 'pattern';
export type PatternField = typeof PATTERN_FIELD;

/** An attribute of an event, by its name (`attributes.<name>` in a query). */
export interface AttributeField {
  readonly attribute: string;
}

/** A field of an event: one of its columns, its pattern, or one of its attributes. */
export type EventField = LogField | PatternField | AttributeField;

export const ATTRIBUTE_PREFIX = 'attributes.';

const FIELD_BY_NAME: ReadonlyMap<string, LogField> = new Map(
  Object.entries(LOG_FIELDS).flatMap(([field, names]) => names.map((name) => [name, field as LogField])),
);

/** Every field name a query accepts, for messages: `level, source, …, attributes.<name>`. */
export const FIELD_NAMES_TEXT = [...Object.values(LOG_FIELDS).map((names) => names[0]), PATTERN_FIELD, `${ATTRIBUTE_PREFIX}<name>`].join(', ');

/** The field a name (`level`, `producer`, `pattern`, `attributes.user_id`) stands for; undefined for an unknown name. */
export function fieldNamed(name: string): EventField | undefined {
  if (name === PATTERN_FIELD) return PATTERN_FIELD;
  if (name.startsWith(ATTRIBUTE_PREFIX)) {
    const attribute = name.slice(ATTRIBUTE_PREFIX.length);
    return attribute === '' ? undefined : { attribute };
  }
  return FIELD_BY_NAME.get(name);
}

/** True for a column of the table above (checked again where a name is turned into SQL). */
export function isLogField(value: string): value is LogField {
  return Object.hasOwn(LOG_FIELDS, value);
}

/** How a field is written in a query and shown: `level`, `attributes.user_id`. */
export function fieldName(field: EventField): string {
  if (field === PATTERN_FIELD) return PATTERN_FIELD;
  return typeof field === 'string' ? LOG_FIELDS[field][0] : `${ATTRIBUTE_PREFIX}${field.attribute}`;
}
