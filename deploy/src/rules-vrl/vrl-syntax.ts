/** Literals of VRL source text. */

const STRING_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '{': '\\{', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A VRL string literal holding `text` exactly (`{` is escaped: `{{` would start a template). */
export function vrlString(text: string): string {
  return `"${text.replace(/[\\"{\n\r\t]/g, (char) => STRING_ESCAPES[char])}"`;
}

/** A VRL regex literal; `rustPattern` holds no `'` (toRustRegex writes it as \x27). */
export function vrlRegex(rustPattern: string): string {
  if (rustPattern.includes("'")) throw new Error(`a VRL regex literal cannot hold ' : ${rustPattern}`);
  return `r'${rustPattern}'`;
}

/** `code` indented by two spaces a level. */
export function indent(code: string, levels = 1): string {
  const pad = '  '.repeat(levels);
  return code
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}
