/** Puts one "## " section into docs/benchmarks.md: in place of the section with its heading, or at the end. */
export function replaceSection(document: string, section: string): string {
  const lines = document.split('\n');
  const heading = section.slice(0, section.indexOf('\n'));
  const start = lines.indexOf(heading);
  if (start === -1) return `${document.trimEnd()}\n\n${section}`;
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  const before = lines.slice(0, start).map((line) => `${line}\n`);
  const after = end === -1 ? [] : ['\n', lines.slice(end).join('\n')];
  return [...before, section, ...after].join('');
}
