/**
 * YAML read into plain values that remember the line each mapping key and list item was written
 * on, so a problem found while validating names its line.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

export interface LocatedYaml {
  value: unknown;
  /** Line (from 1) of a key of a mapping, or an item of a list, read from this document. */
  lineOf(container: object, key: string | number): number | undefined;
}

export class YamlSyntaxError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

export function readLocatedYaml(text: string): LocatedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    throw new YamlSyntaxError(document.errors.map((error) => `line ${lineCounter.linePos(error.pos[0]).line}: ${error.message.split('\n')[0]}`));
  }
  const lines = new WeakMap<object, Map<string | number, number>>();
  const value = toValue(document.contents, { document, lineCounter, lines });
  return { value, lineOf: (container, key) => lines.get(container)?.get(key) };
}

interface Context {
  document: Document;
  lineCounter: LineCounter;
  lines: WeakMap<object, Map<string | number, number>>;
}

function toValue(node: Node | null | undefined | unknown, context: Context): unknown {
  if (isAlias(node)) return toValue(node.resolve(context.document), context);
  if (isScalar(node)) return node.value;
  if (isSeq(node)) {
    const lines = new Map<number, number>();
    const items = node.items.map((item, index) => {
      lines.set(index, lineAt(item, context));
      return toValue(item, context);
    });
    context.lines.set(items, lines);
    return items;
  }
  if (isMap(node)) {
    const mapping: Record<string, unknown> = {};
    const lines = new Map<string, number>();
    for (const pair of node.items) {
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      lines.set(key, lineAt(pair.key, context));
      // Not `mapping[key] =`: a `__proto__` key must stay a key.
      Object.defineProperty(mapping, key, { value: toValue(pair.value, context), enumerable: true, writable: true, configurable: true });
    }
    context.lines.set(mapping, lines);
    return mapping;
  }
  return node ?? null;
}

function lineAt(node: unknown, context: Context): number {
  const offset = (node as { range?: [number, number, number] } | null)?.range?.[0];
  return offset === undefined ? 0 : context.lineCounter.linePos(offset).line;
}
