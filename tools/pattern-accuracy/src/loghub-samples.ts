/** Reads loghub's labelled samples: per line its message (`Content`) and its true group (`EventId`). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface LabelledSample {
  /** The system's name, from the file name (`OpenSSH_2k.log_structured.csv` -> `OpenSSH`). */
  readonly system: string;
  readonly messages: readonly string[];
  /** Per message, the id of the template a person assigned it. */
  readonly eventIds: readonly string[];
}

const SUFFIX = '_structured.csv';

export function readLoghubSamples(folder: string): LabelledSample[] {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith(SUFFIX))
    .sort();
  if (files.length === 0) throw new Error(`no *${SUFFIX} files in ${folder}`);
  return files.map((name) => readSample(join(folder, name), name.slice(0, name.indexOf('_'))));
}

function readSample(path: string, system: string): LabelledSample {
  const rows: Record<string, string>[] = parse(readFileSync(path), { columns: true, bom: true });
  rows.forEach((row, index) => {
    if (row['Content'] === undefined || row['EventId'] === undefined) {
      throw new Error(`${path}: row ${index + 2} has no Content or EventId column`);
    }
  });
  return { system, messages: rows.map((row) => row['Content']), eventIds: rows.map((row) => row['EventId']) };
}
