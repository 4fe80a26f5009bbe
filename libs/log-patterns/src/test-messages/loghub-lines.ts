import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every line of loghub's raw `*.log` samples in `folder` (headers, dates and all), or none when
 * the folder is absent: the samples are read where they lie at run time, never copied.
 */
export function readLoghubLines(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.log'))
    .sort()
    .flatMap((name) => readFileSync(join(folder, name), 'utf8').split('\n'));
}
