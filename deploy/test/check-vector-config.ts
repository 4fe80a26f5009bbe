/**
 * The static part of `vector validate`, for machines without Vector: component types, option
 * names, value types, enums, required options and `inputs`, checked against Vector's option
 * reference. A TypeScript copy of ../shared/tools/check-vector-config (the reference
 * implementation) over vector-reference.json, the reference trimmed to the components we use.
 * One known difference: YAML parses `1.0` as the number 1 here, where Python keeps a float.
 */
import reference from './vector-reference.json';

interface OptionEntry {
  type: string | string[];
  required?: boolean;
  enum?: string[];
  enum_aliases?: Record<string, string>;
  relevant_when?: string;
  required_one_of?: string[];
  aliases?: string[];
}

type Schema = Record<string, OptionEntry>;
type Config = Record<string, unknown>;

const KINDS = ['sources', 'transforms', 'sinks'] as const;
const schemas = reference as unknown as Record<(typeof KINDS)[number], Record<string, Schema>> & {
  global: { options: Schema };
};

/** Every problem found in a parsed Vector config; empty when it is clean. */
export function checkVectorConfig(config: Config): string[] {
  const problems: string[] = [];
  const outputs = new Set<string>();
  for (const kind of ['sources', 'transforms'] as const) {
    for (const [id, component] of Object.entries(componentsOf(config, kind))) outputsOf(kind, id, component).forEach((name) => outputs.add(name));
  }
  for (const [key, value] of Object.entries(config)) {
    if ((KINDS as readonly string[]).includes(key)) {
      checkComponents(key as (typeof KINDS)[number], componentsOf(config, key), outputs, problems);
    } else if (!(key in schemas.global.options)) {
      problems.push(`${key}: unknown top-level option`);
    } else if (typeOf(value) === 'object') {
      checkObject(schemas.global.options, key, value as Config, problems, key);
    }
  }
  return problems;
}

function componentsOf(config: Config, kind: string): Record<string, Config> {
  return (config[kind] ?? {}) as Record<string, Config>;
}

function checkComponents(kind: (typeof KINDS)[number], components: Record<string, Config>, outputs: Set<string>, problems: string[]): void {
  for (const [id, component] of Object.entries(components)) {
    const schema = schemas[kind][String(component['type'])];
    if (!schema) {
      problems.push(`${kind}.${id}: type '${String(component['type'])}' is not in the reference this tool holds`);
      continue;
    }
    checkObject(schema, '', component, problems, `${kind}.${id}`);
    for (const input of (component['inputs'] ?? []) as string[]) {
      if (!outputs.has(input) && !/[*?]/.test(input)) problems.push(`${kind}.${id}.inputs: '${input}' names no source or transform output`);
    }
  }
}

function outputsOf(kind: string, id: string, component: Config): string[] {
  const names = [id];
  if (kind === 'transforms' && component['type'] === 'route') {
    names.push(...Object.keys((component['route'] ?? {}) as Config).map((route) => `${id}.${route}`), `${id}._unmatched`);
  }
  if (kind === 'transforms' && component['type'] === 'remap' && component['reroute_dropped']) names.push(`${id}.dropped`);
  return names;
}

function checkObject(schema: Schema, base: string, object: Config, problems: string[], where: string): void {
  const byName = optionsUnder(schema, base);
  for (const [key, value] of Object.entries(object)) {
    const path = byName.get(key) ?? byName.get('*');
    if (!path) {
      problems.push(`${where}.${key}: unknown option`);
      continue;
    }
    const entry = schema[path];
    if (entry.relevant_when && !conditionHolds(entry.relevant_when, object)) {
      problems.push(`${where}.${key}: not valid here (only when ${entry.relevant_when})`);
    } else if (!accepts(entry.type, value)) {
      problems.push(`${where}.${key}: expected ${String(entry.type)}, got ${typeOf(value)}`);
    } else {
      checkValue(schema, path, entry, value, problems, `${where}.${key}`);
    }
  }
  checkRequired(schema, base, byName, object, problems, where);
}

/** Option names directly under `base` (aliases included) mapped to their reference paths. */
function optionsUnder(schema: Schema, base: string): Map<string, string> {
  const prefix = base ? `${base}.` : '';
  const byName = new Map<string, string>();
  for (const [path, entry] of Object.entries(schema)) {
    const rest = path.slice(prefix.length);
    if (!path.startsWith(prefix) || !rest || rest.includes('.') || rest.startsWith('[]')) continue;
    byName.set(rest, path);
    for (const alias of entry.aliases ?? []) byName.set(alias, path);
  }
  return byName;
}

function checkValue(schema: Schema, path: string, entry: OptionEntry, value: unknown, problems: string[], where: string): void {
  if (entry.enum && typeof value === 'string' && !entry.enum.includes(value) && !(value in (entry.enum_aliases ?? {}))) {
    problems.push(`${where}: '${value}' is not one of ${JSON.stringify(entry.enum)}`);
  }
  if (typeOf(value) === 'object') checkObject(schema, path, value as Config, problems, where);
  if (Array.isArray(value) && Object.keys(schema).some((other) => other.startsWith(`${path}[].`))) {
    value.forEach((item, index) => {
      if (typeOf(item) === 'object') checkObject(schema, `${path}[]`, item as Config, problems, `${where}[${index}]`);
    });
  }
}

function checkRequired(schema: Schema, base: string, byName: Map<string, string>, object: Config, problems: string[], where: string): void {
  const prefix = base ? `${base}.` : '';
  for (const [name, path] of byName) {
    const entry = schema[path];
    if (name === '*' || !entry.required || path !== prefix + name) continue;
    if (entry.relevant_when && !conditionHolds(entry.relevant_when, object)) continue;
    if (!(name in object) && !(entry.aliases ?? []).some((alias) => alias in object)) problems.push(`${where}.${name}: required option missing`);
  }
  if (base !== '') return;
  const group = Object.values(schema).find((entry) => entry.required_one_of)?.required_one_of;
  const present = (group ?? []).filter((key) => key in object);
  if (group && present.length !== 1) problems.push(`${where}: exactly one of ${JSON.stringify(group)} must be set (found ${present.join(', ') || 'none'})`);
}

/** Tagged-union conditions such as `mode = "tcp" or mode = "udp"`. */
function conditionHolds(condition: string, object: Config): boolean {
  return condition.split(' or ').some((part) => {
    const match = /^(\w+) = "(.*)"$/.exec(part.trim());
    return match !== null && object[match[1]] === match[2];
  });
}

function accepts(types: string | string[], value: unknown): boolean {
  const actual = typeOf(value);
  return (Array.isArray(types) ? types : [types]).some(
    (type) =>
      type === 'any' ||
      type === actual ||
      (type === 'int' && actual === 'uint') ||
      (type === 'float' && (actual === 'uint' || actual === 'int')) ||
      ((type === 'condition' || type === 'ascii_char') && (actual === 'string' || actual === 'object')),
  );
}

function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? (value >= 0 ? 'uint' : 'int') : 'float';
  if (typeof value === 'string') return 'string';
  return Array.isArray(value) ? 'array' : 'object';
}

/** Vector >= 0.57 leaves `${VAR}` as literal text unless interpolation is switched on explicitly. */
export function usesEnvInterpolation(text: string): boolean {
  return /\$\{?[A-Za-z_]/.test(text) && !text.includes('dangerously-allow-env-var-interpolation');
}
