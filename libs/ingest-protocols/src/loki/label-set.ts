/**
 * A Prometheus label set as Loki's push protobuf carries a stream's labels: `{app="api", env="prod"}`,
 * values in double quotes with `\\`, `\"` and `\n` escapes.
 */
import { PayloadError } from '../candidate';

const LABEL = /\s*([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*(,|})/y;
const ESCAPES: Record<string, string> = { n: '\n', '\\': '\\', '"': '"' };

export function parseLabelSet(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  const open = text.indexOf('{');
  if (open === -1 || text.slice(0, open).trim() !== '') throw new PayloadError(`labels ${quote(text)} must be a label set such as {app="api"}`);
  if (/^\{\s*\}\s*$/.test(text.slice(open))) return labels;
  LABEL.lastIndex = open + 1;
  for (;;) {
    const at = LABEL.lastIndex;
    const match = LABEL.exec(text);
    if (!match) throw new PayloadError(`labels ${quote(text)} are not a label set such as {app="api"} (at character ${at + 1})`);
    const value = match[2].replace(/\\(.)/g, (escape, character: string) => ESCAPES[character] ?? escape);
    Object.defineProperty(labels, match[1], { value, enumerable: true, writable: true, configurable: true });
    if (match[3] === '}') break;
  }
  if (text.slice(LABEL.lastIndex).trim() !== '') throw new PayloadError(`labels ${quote(text)} have text after the closing brace`);
  return labels;
}

function quote(text: string): string {
  return JSON.stringify(text.slice(0, 80));
}
