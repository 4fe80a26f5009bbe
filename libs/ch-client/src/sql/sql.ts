/**
 * A tagged template for SQL whose every interpolated value becomes a typed, bound parameter
 * (`{p0:Type}` + `query_params`). Raw text goes in only through `identifier()` or a nested `sql`
 * fragment, both written in code — never a value from a request.
 */

export interface SqlQuery {
  readonly text: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A value with the ClickHouse type it must be bound as. */
export interface TypedValue {
  readonly kind: 'typed';
  readonly value: unknown;
  readonly type: string;
}

export interface RawSql {
  readonly kind: 'raw';
  readonly text: string;
}

type Interpolation = string | number | boolean | readonly string[] | TypedValue | RawSql | SqlFragment;

class SqlFragment {
  constructor(
    readonly parts: readonly string[],
    readonly values: readonly Interpolation[],
  ) {}
}

export function sql(strings: TemplateStringsArray, ...values: Interpolation[]): SqlFragment {
  return new SqlFragment(strings, values);
}

/** Binds `value` as the given ClickHouse type, e.g. `bind(ms, "DateTime64(3, 'UTC')")`. */
export function bind(value: unknown, type: string): TypedValue {
  return { kind: 'typed', value, type };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/** A table or column name from code; refuses anything that is not a plain identifier. */
export function identifier(name: string): RawSql {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return { kind: 'raw', text: name };
}

/** Joins fragments with a separator, e.g. conditions with ` AND `. */
export function join(fragments: readonly SqlFragment[], separator: string): SqlFragment {
  const parts = ['', ...fragments.slice(1).map(() => separator), ''];
  return new SqlFragment(parts, fragments);
}

/** Renders a fragment to SQL text with named placeholders and their values. */
export function render(fragment: SqlFragment): SqlQuery {
  const params: Record<string, unknown> = {};
  const text = renderInto(fragment, params);
  return { text, params };
}

function renderInto(fragment: SqlFragment, params: Record<string, unknown>): string {
  let text = fragment.parts[0];
  fragment.values.forEach((value, index) => {
    text += renderValue(value, params) + fragment.parts[index + 1];
  });
  return text;
}

function renderValue(value: Interpolation, params: Record<string, unknown>): string {
  if (value instanceof SqlFragment) return renderInto(value, params);
  if (typeof value === 'object' && !Array.isArray(value)) {
    const tagged = value as TypedValue | RawSql;
    if (tagged.kind === 'raw') return tagged.text;
    return placeholder(tagged.value, tagged.type, params);
  }
  return placeholder(value, inferType(value), params);
}

function placeholder(value: unknown, type: string, params: Record<string, unknown>): string {
  const name = `p${Object.keys(params).length}`;
  params[name] = value;
  return `{${name}:${type}}`;
}

function inferType(value: string | number | boolean | readonly string[]): string {
  if (Array.isArray(value)) return 'Array(String)';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Bool';
  if (Number.isInteger(value)) return 'Int64';
  return 'Float64';
}

export type { SqlFragment };
