// Replaces docs/benchmarks.md with the figures of one run.
import { writeFileSync } from 'node:fs';

export function writeReport(path, results) {
  const m = results.machine;
  const rows = results.figures.map((f) => `| ${f.group} | ${f.name} | ${f.value} ${f.unit} | ${f.note} |`);
  writeFileSync(
    path,
    [
      '# Benchmarks',
      '',
      `Measured by \`npm run bench -- --events ${results.events}\` on ${results.date.slice(0, 10)}: ${m.cpus} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.engine}.`,
      `Query figures are medians of ${results.runs} runs through the api over HTTP. This file is replaced by each run.`,
      '',
      '| group | what | figure | note |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}
