/**
 * The least the engine itself takes for the rare-word page, with no api and none of the page's
 * columns: finding the matches through the text index (a count), and ordering them by time (their
 * timestamps and row keys only). The rare-word target is read against these.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { openStorage } from '@logline/ch-client';
import { RARE_WORD } from '../dataset/bench-events';
import { medianMs } from '../stats';

export interface EngineFloors {
  /** Matches of the rare word. */
  rareMatches: number;
  /** `count()` of them, served by the text index alone. */
  rareCountMs: number;
  /** The page's first 101 of them newest first, timestamp and row key only. */
  rareOrderedMs: number;
}

const MATCHES = `FROM logs.application_logs WHERE hasAllTokens(message, [{word:String}])`;

export async function timeEngineFloors(args: { dataDir: string; runs: number }): Promise<EngineFloors> {
  const storage = openStorage({ dataDir: args.dataDir });
  try {
    const client = storage.reader;
    const [{ matches }] = await rows<{ matches: string }>(client, `SELECT count() AS matches ${MATCHES}`);
    const rareCountMs = await medianMs(args.runs, () => rows(client, `SELECT count() AS matches ${MATCHES}`));
    const rareOrderedMs = await medianMs(args.runs, () =>
      rows(client, `SELECT timestamp, row_hash ${MATCHES} ORDER BY timestamp DESC, row_hash DESC LIMIT 101`),
    );
    return { rareMatches: Number(matches), rareCountMs, rareOrderedMs };
  } finally {
    await storage.close();
  }
}

async function rows<T>(client: ClickHouseClient, query: string): Promise<T[]> {
  const result = await client.query({ query, query_params: { word: RARE_WORD }, format: 'JSONEachRow' });
  return result.json<T>();
}
