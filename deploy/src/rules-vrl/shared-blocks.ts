/**
 * The blocks of deploy/vector/normalize.vrl that the processing-rules program reuses, so a level or
 * timestamp set by a rule is read by the very code that reads it from the wire (see the comment at
 * the top of normalize.vrl).
 */
export type SharedBlockName = 'level-definitions' | 'read-level' | 'read-timestamp' | 'json-numbers';

export type SharedBlocks = Readonly<Record<SharedBlockName, string>>;

/** normalize.vrl, from the workspace root. */
export const NORMALIZE_VRL_PATH = 'deploy/vector/normalize.vrl';

/** The shared blocks of normalize.vrl's text. */
export function readSharedBlocks(normalizeVrl: string): SharedBlocks {
  const names: SharedBlockName[] = ['level-definitions', 'read-level', 'read-timestamp', 'json-numbers'];
  return Object.fromEntries(names.map((name) => [name, extractBlock(normalizeVrl, name)])) as SharedBlocks;
}

function extractBlock(source: string, name: SharedBlockName): string {
  const begin = new RegExp(`^# begin shared block: ${name}( .*)?$`, 'm').exec(source);
  const end = source.indexOf(`\n# end shared block: ${name}\n`);
  if (!begin || end < begin.index) throw new Error(`normalize.vrl has no shared block '${name}' (between "# begin shared block: ${name}" and "# end shared block: ${name}")`);
  return source.slice(begin.index + begin[0].length + 1, end);
}
