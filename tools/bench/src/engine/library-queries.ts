/** Times every explorer request in-process through @logline/ch-client: the raw ClickHouse baseline. */
import { openStorage } from '@logline/ch-client';
import { QUERIES } from '../queries/catalogue';
import type { QueryContext } from '../queries/query-context';
import { median } from '../stats';

export interface LibraryTiming {
  ms: number;
  rows: number;
}

export async function timeLibraryQueries(args: { dataDir: string; runs: number; context: QueryContext }): Promise<Record<string, LibraryTiming>> {
  const storage = openStorage({ dataDir: args.dataDir });
  const timings: Record<string, LibraryTiming> = {};
  try {
    for (const query of QUERIES) {
      let rows = await query.library(storage.reader, args.context);
      const times: number[] = [];
      for (let i = 0; i < args.runs; i += 1) {
        const started = performance.now();
        rows = await query.library(storage.reader, args.context);
        times.push(performance.now() - started);
      }
      timings[query.key] = { ms: median(times), rows };
    }
  } finally {
    await storage.close();
  }
  return timings;
}
