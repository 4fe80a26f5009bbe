/** Times every explorer request in-process through @logline/ch-client: the raw ClickHouse baseline. */
import { openStorage, Store } from '@logline/ch-client';
import { DEFAULT_RETENTION_DAYS } from '@logline/log-schema';
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
  // As the api opens it (the bench's api keeps the default retention).
  const store = new Store(storage, { retentionDays: DEFAULT_RETENTION_DAYS });
  try {
    for (const query of QUERIES) {
      let rows = await query.library(storage.reader, args.context, store);
      const times: number[] = [];
      for (let i = 0; i < args.runs; i += 1) {
        const started = performance.now();
        rows = await query.library(storage.reader, args.context, store);
        times.push(performance.now() - started);
      }
      timings[query.key] = { ms: median(times), rows };
    }
  } finally {
    await storage.close();
  }
  return timings;
}
