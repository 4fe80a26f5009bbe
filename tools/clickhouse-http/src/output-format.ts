/**
 * The output format a statement's answer is in, for the X-ClickHouse-Format and Content-Type
 * headers. The engine writes the output itself; only these headers need its name, which the server
 * learns from its parser. The front reads it from a trailing `FORMAT <name>` clause (where
 * @clickhouse/client puts it), else the request's default format. INSERTs have no output format.
 */
const TRAILING_FORMAT = /\bFORMAT\s+([A-Za-z][A-Za-z0-9]*)\s*;?\s*$/i;
const INSERT = /^\s*INSERT\b/i;

export function outputFormatOf(text: string, defaultFormat: string): string | undefined {
  if (INSERT.test(text)) return undefined;
  return TRAILING_FORMAT.exec(text)?.[1] ?? defaultFormat;
}

/**
 * The Content-Type ClickHouse's output formats set (getContentType in their sources): TabSeparated,
 * CSV, the JSON documents and JSONEachRow with its aliases; other formats keep IOutputFormat's
 * text/plain, which is also the front's answer for them.
 */
export function contentTypeOf(format: string | undefined): string {
  if (format === undefined) return 'text/plain; charset=UTF-8';
  if (/^(TabSeparated|TSV)/i.test(format)) return 'text/tab-separated-values; charset=UTF-8';
  if (/^CSV/i.test(format)) return `text/csv; charset=UTF-8; header=${/WithNames/i.test(format) ? 'present' : 'absent'}`;
  if (/^(JSONEachRow|JSONStringsEachRow|JSONLines|NDJSON)$/i.test(format)) return 'application/x-ndjson; charset=UTF-8';
  if (/^JSON(Compact)?(Strings)?$/i.test(format)) return 'application/json; charset=UTF-8';
  return 'text/plain; charset=UTF-8';
}
