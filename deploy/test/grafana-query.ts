/**
 * A panel's SQL as grafana-clickhouse-datasource sends it to ClickHouse (plugin 4.20), in its
 * three steps, so the test can run it on the real engine:
 *
 * 1. Browser, CHDatasource.applyConditionalAll: each `$__conditionalAll(condition, $var)`, last
 *    first, becomes `1=1` when the variable's value is `$__all` (All) or '' (an empty textbox),
 *    else `condition`. Arguments are split at commas outside parentheses.
 * 2. Browser, Grafana's template service: `$var`, `${var}` and `${var:format}`. Without a format
 *    the plugin's own formatter applies (a multi-value list becomes 'a','b'; one value is put in
 *    as it is); `singlequote` quotes each value with ' (escaping ' as \'); `sqlstring` quotes with
 *    ' (escaping ' as ''). Names starting with `__` are left to the plugin.
 * 3. Server, pkg/macros/macros.go (ClickHouseMacros over macropro):
 *      $__timeFilter(col)   col >= toDateTime(<from, Unix s>) AND col <= toDateTime(<to, Unix s>)
 *      $__timeInterval(col) toStartOfInterval(toDateTime(col), INTERVAL <n> second)
 *      $__interval_s        <n>
 *      $__fromTime          toDateTime(<from, Unix s>)
 *      $__toTime            toDateTime(<to, Unix s>)
 *    where n = the query interval in whole seconds, at least 1. Grafana's query interval is the
 *    range divided by the data points, never less than the panel's min interval (`interval`).
 * A macro or format not listed here fails the test: dashboards use only what it emulates.
 */

/** A variable's selection: one value, several, or `$__all` for All. */
export type VariableValue = string | readonly string[];

export interface QueryContext {
  fromMs: number;
  toMs: number;
  /** Grafana's interval for the query, before the panel's minimum applies. */
  intervalMs: number;
  /** The panel's min interval (`interval`, e.g. "1m"), if any. */
  minInterval?: string;
  variables: Readonly<Record<string, VariableValue>>;
}

export const ALL = '$__all';

export function expandPanelSql(sql: string, context: QueryContext): string {
  const withoutAlls = applyConditionalAll(sql, context.variables);
  return expandMacros(interpolateVariables(withoutAlls, context.variables), context);
}

const CONDITIONAL_ALL = '$__conditionalAll(';

function applyConditionalAll(sql: string, variables: QueryContext['variables']): string {
  let query = sql;
  for (let at = query.lastIndexOf(CONDITIONAL_ALL); at !== -1; at = query.lastIndexOf(CONDITIONAL_ALL)) {
    const { args } = readCall(query, at + CONDITIONAL_ALL.length - 1);
    if (args.length !== 2) throw new Error(`$__conditionalAll needs (condition, $variable): ${query.slice(at, at + 80)}`);
    const name = /(?<=\$\{)\w+(?=\})|(?<=\$)\w+/.exec(args[1].trim())?.[0];
    if (name === undefined || !(name in variables)) throw new Error(`$__conditionalAll names no dashboard variable: ${args[1]}`);
    const value = String(variables[name]);
    query = query.replace(`${CONDITIONAL_ALL}${args[0]},${args[1]})`, value === '' || value === ALL ? '1=1' : args[0]);
  }
  return query;
}

/**
 * The arguments of the call whose `(` is at `open`, split at commas outside parentheses, and
 * where the call ends (after its `)`); no arguments when it is not closed.
 */
function readCall(query: string, open: number): { args: string[]; end: number } {
  const args: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < query.length; i += 1) {
    if (query[i] === '(') depth += 1;
    else if (query[i] === ')') depth -= 1;
    if (query[i] === ',' && depth === 1) {
      args.push(query.slice(start, i));
      start = i + 1;
    }
    if (depth === 0) {
      args.push(query.slice(start, i));
      return { args, end: i + 1 };
    }
  }
  return { args: [], end: query.length };
}

const VARIABLE = /\$(\w+)|\$\{(\w+)(?::(\w+))?\}/g;

function interpolateVariables(sql: string, variables: QueryContext['variables']): string {
  return sql.replace(VARIABLE, (text, plain: string | undefined, braced: string | undefined, format: string | undefined) => {
    const name = plain ?? braced ?? '';
    if (name.startsWith('__')) return text;
    if (!(name in variables)) throw new Error(`unknown variable ${text}`);
    const value = variables[name];
    if (value === ALL || (Array.isArray(value) && value.includes(ALL))) throw new Error(`${text} is used outside $__conditionalAll while All is selected`);
    const values = typeof value === 'string' ? [value] : value;
    if (format === 'singlequote') return values.map((item) => `'${item.replace(/'/g, "\\'")}'`).join(',');
    if (format === 'sqlstring') return values.map((item) => `'${item.replace(/'/g, "''")}'`).join(',');
    if (format !== undefined) throw new Error(`format ${format} is not emulated`);
    return typeof value === 'string' ? value : `'${value.join("','")}'`;
  });
}

const MACRO = /\$__(\w+)/g;

function expandMacros(sql: string, context: QueryContext): string {
  const from = `toDateTime(${Math.floor(context.fromMs / 1000)})`;
  const to = `toDateTime(${Math.floor(context.toMs / 1000)})`;
  const seconds = String(Math.trunc(Math.max(queryIntervalMs(context) / 1000, 1)));
  let out = '';
  let last = 0;
  for (const match of sql.matchAll(MACRO)) {
    if (match.index < last) continue;
    const name = match[1];
    const afterName = match.index + match[0].length;
    const call = sql[afterName] === '(' ? readCall(sql, afterName) : undefined;
    const args = call?.args.map((arg) => arg.trim());
    const column = args?.length === 1 ? args[0] : undefined;
    const expansions: Record<string, string | undefined> = {
      timeFilter: column && `${column} >= ${from} AND ${column} <= ${to}`,
      timeInterval: column && `toStartOfInterval(toDateTime(${column}), INTERVAL ${seconds} second)`,
      interval_s: args ? undefined : seconds,
      fromTime: args ? undefined : from,
      toTime: args ? undefined : to,
    };
    const expansion = expansions[name];
    if (expansion === undefined) throw new Error(`macro $__${name}${args ? `(${args.join(', ')})` : ''} is not emulated`);
    out += sql.slice(last, match.index) + expansion;
    last = call?.end ?? afterName;
  }
  return out + sql.slice(last);
}

function queryIntervalMs(context: QueryContext): number {
  const minimum = context.minInterval === undefined ? 0 : durationMs(context.minInterval);
  return Math.max(context.intervalMs, minimum);
}

function durationMs(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  if (!match) throw new Error(`interval ${text} is not a duration`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}
