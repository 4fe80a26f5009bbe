/**
 * Where a query's stats command starts: the first `|` outside quotes. Quotes are read as the
 * search parser reads them — any `"` outside a quoted text opens one, `\` escapes inside it — so
 * `"a | b"` and `host:"x|y"` are text to search for, not a pipe.
 */
export function findPipe(q: string): number | undefined {
  let quoted = false;
  for (let i = 0; i < q.length; i += 1) {
    const char = q[i];
    if (quoted) {
      if (char === '\\') i += 1;
      else if (char === '"') quoted = false;
    } else if (char === '"') {
      quoted = true;
    } else if (char === '|') {
      return i;
    }
  }
  return undefined;
}
