/**
 * The least the engine itself takes for the rare-word page, with no api and none of the page's
 * columns: finding the matches through the text index (a count), and ordering them by time (their
 * timestamps and row keys only). The rare-word target is read against these.
 */
import { countLogs, openStorage } from '@logline/ch-client';
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

/** Every stored event: the bench data ends at the run's start. */
const ALL_TIME = { fromMs: 0, toMs: Date.now() + 86_400_000 };

export async function timeEngineFloors(args: { dataDir: string; runs: number }): Promise<EngineFloors> {
  const storage = openStorage({ dataDir: args.dataDir });
  try {
    const client = storage.reader;
    let rareMatches = 0;
    const rareCountMs = await medianMs(args.runs, async () => {
      rareMatches = await countLogs(client, { words: [RARE_WORD] }, ALL_TIME);
    });
    // Only the ordering columns: a read no api request makes, so no library call serves it; the
    // condition is the one the library writes for a word.
    const rareOrderedMs = await medianMs(args.runs, async () => {
      const result = await client.query({
        query: `SELECT timestamp, row_hash FROM logs.application_logs WHERE hasAllTokens(message, [{word:String}])
                ORDER BY timestamp DESC, row_hash DESC LIMIT 101`,
        query_params: { word: RARE_WORD },
        format: 'JSONEachRow',
      });
      await result.json();
    });
    return { rareMatches, rareCountMs, rareOrderedMs };
  } finally {
    await storage.close();
  }
}
