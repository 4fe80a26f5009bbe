/**
 * The least the engine itself takes, with no api: for the rare-word page, finding the matches
 * through the text index (a count) and ordering them by time (their timestamps and row keys only);
 * for a lookup by id, any query at all, and reading the rows once located (by primary key); for
 * the patterns list, counting the range's stored pattern ids in the rollup, busiest first (the
 * grouping, templates and sparklines come after it). The rare-word, lookup and patterns targets
 * are read against these.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { countLogs, MAX_STORED_IDS, NATIVE_LOG_COLUMNS, openStorage } from '@logline/ch-client';
import { RARE_WORD } from '../dataset/bench-events';
import { medianMs } from '../stats';

export interface EngineFloors {
  /** Matches of the rare word. */
  rareMatches: number;
  /** `count()` of them, served by the text index alone. */
  rareCountMs: number;
  /** The page's first 101 of them newest first, timestamp and row key only. */
  rareOrderedMs: number;
  /** A query that reads nothing (SELECT 1 with a bound parameter): what every query costs. */
  queryFloorMs: number;
  /** A trace's rows, every column, read by primary key (their timestamps known): the least a lookup reads. */
  keyReadMs: number;
  /** Distinct stored pattern ids in the patterns request's range. */
  patternIds: number;
  /** Their events counted in the per-minute rollup, the busiest MAX_STORED_IDS + 1 returned: the first step of a listing. */
  patternCountMs: number;
}

export interface FloorArgs {
  dataDir: string;
  runs: number;
  traceIds: readonly string[];
  /** The range the patterns request lists. */
  patternsRange: { fromMs: number; toMs: number };
}

/** Every stored event: the bench data ends at the run's start. */
const ALL_TIME = { fromMs: 0, toMs: Date.now() + 86_400_000 };

export async function timeEngineFloors(args: FloorArgs): Promise<EngineFloors> {
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
    const queryFloorMs = await medianMs(args.runs, () => client.query({ query: 'SELECT 1 WHERE {id:String} != \'\'', query_params: { id: 'x' }, format: 'JSONEachRow' }).then((result) => result.json()));
    const keyReadMs = await timeKeyReads(client, args.traceIds, args.runs);
    const { patternIds, patternCountMs } = await timePatternCount(client, args.patternsRange, args.runs);
    return { rareMatches, rareCountMs, rareOrderedMs, queryFloorMs, keyReadMs, patternIds, patternCountMs };
  } finally {
    await storage.close();
  }
}

/** Each run reads another trace's rows by their timestamps (found beforehand, untimed). */
async function timeKeyReads(client: ClickHouseClient, traceIds: readonly string[], runs: number): Promise<number> {
  const times: number[][] = [];
  for (const traceId of traceIds.slice(0, runs + 1)) {
    const found = await client.query({
      query: 'SELECT toUnixTimestamp64Milli(timestamp) AS ms FROM logs.application_logs WHERE trace_id = {id:String}',
      query_params: { id: traceId },
      format: 'JSONEachRow',
    });
    times.push((await found.json<{ ms: string }>()).map((row) => Number(row.ms)));
  }
  let next = 0;
  return medianMs(runs, async () => {
    const result = await client.query({
      query: `SELECT ${NATIVE_LOG_COLUMNS.join(', ')} FROM logs.application_logs
              WHERE timestamp IN (SELECT fromUnixTimestamp64Milli(arrayJoin({ms:Array(Int64)}), 'UTC'))`,
      query_params: { ms: times[next++ % times.length] },
      format: 'JSONEachRow',
    });
    await result.json();
  });
}

/** The rollup's minutes in the range, grouped by stored id, busiest first, as a listing reads them (its totals aside). */
async function timePatternCount(client: ClickHouseClient, range: { fromMs: number; toMs: number }, runs: number): Promise<{ patternIds: number; patternCountMs: number }> {
  const params = { from_ms: range.fromMs, to_ms: range.toMs, limit: MAX_STORED_IDS + 1 };
  const inRange = "minute >= fromUnixTimestamp64Milli({from_ms:Int64}, 'UTC') AND minute < fromUnixTimestamp64Milli({to_ms:Int64}, 'UTC')";
  const distinct = await client.query({ query: `SELECT uniqExact(pattern_id) AS ids FROM logs.pattern_counts_1m WHERE ${inRange}`, query_params: params, format: 'JSONEachRow' });
  const [{ ids }] = await distinct.json<{ ids: string | number }>();
  const patternCountMs = await medianMs(runs, async () => {
    const result = await client.query({
      query: `SELECT pattern_id, sum(events) AS id_events FROM logs.pattern_counts_1m WHERE ${inRange}
              GROUP BY pattern_id ORDER BY id_events DESC, pattern_id LIMIT {limit:UInt32}`,
      query_params: params,
      format: 'JSONEachRow',
    });
    await result.json();
  });
  return { patternIds: Number(ids), patternCountMs };
}
