/** The generator's exit summary (one JSON line per producer), read from what it printed. */
import { startApp } from './running-process';

export interface GeneratorSummary {
  producer_id: string;
  sent: number;
  acked: number;
  failed: number;
  first_seq: number;
  last_seq: number;
}

export function readGeneratorSummaries(output: string): GeneratorSummary[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{"producer_id"'))
    .map((line) => JSON.parse(line) as GeneratorSummary);
}

/** Runs the built generator to its end and returns its summary lines. */
export async function runGenerator(args: string[]): Promise<{ code: number | null; summaries: GeneratorSummary[]; output: string }> {
  const generator = startApp('generator', args, {});
  const code = await generator.exited;
  return { code, summaries: readGeneratorSummaries(generator.output()), output: generator.output() };
}
