/** The explorer's requests as PostgreSQL SQL over the baseline table `logs` (see postgres/pg-schema). */
import { COMMON_WORD, PHRASE, RARE_WORD } from '../dataset/bench-events';
import { DAY_MS, type QueryContext } from './query-context';

export interface PgQuery {
  text: string;
  values: unknown[];
}

const COLUMNS = 'ts, log_level, message, source, host, producer_id, seq, attributes, trace_id, ingested_at';
const newest = (where: string, values: unknown[]): PgQuery[] => [
  { text: `SELECT ${COLUMNS} FROM logs ${where} ORDER BY ts DESC LIMIT 101`, values },
];
const dayRange = (c: QueryContext) => [new Date(c.nowMs - DAY_MS), new Date(c.nowMs)];

export const pgQueries = {
  latest: () => newest('', []),
  olderThan: (timestampMs: number) => newest('WHERE ts < $1', [new Date(timestampMs)]),
  filtered: () => newest('WHERE log_level = $1 AND source = $2', ['ERROR', 'payment']),
  rare: () => newest('WHERE message ILIKE $1', [`%${RARE_WORD}%`]),
  common: () => newest('WHERE message ILIKE $1', [`%${COMMON_WORD}%`]),
  phrase: () => newest('WHERE message ILIKE $1', [`%${PHRASE}%`]),
  histogram: (key: string, word?: string) => (c: QueryContext): PgQuery[] => {
    const plan = c.histograms[key];
    const values: unknown[] = [plan.bucketSeconds, new Date(plan.fromMs), new Date(plan.toMs)];
    if (word) values.push(`%${word}%`);
    return [
      {
        text: `SELECT date_bin(make_interval(secs => $1), ts, timestamptz 'epoch') AS bucket, log_level, count(*)
               FROM logs WHERE ts >= $2 AND ts < $3 ${word ? 'AND message ILIKE $4' : ''}
               GROUP BY bucket, log_level ORDER BY bucket, log_level`,
        values,
      },
    ];
  },
  facets: (c: QueryContext): PgQuery[] =>
    ['log_level', 'source', 'host'].map((column) => ({
      text: `SELECT ${column} AS value, count(*) AS count FROM logs WHERE ts >= $1 AND ts < $2
             GROUP BY value ORDER BY count DESC, value LIMIT 11`,
      values: dayRange(c),
    })),
  point: (c: QueryContext): PgQuery[] => [{ text: `SELECT ${COLUMNS} FROM logs WHERE ts = $1`, values: [new Date(c.anchor.timestampMs)] }],
  context: (c: QueryContext): PgQuery[] => {
    const at = new Date(c.anchor.timestampMs);
    return [
      { text: `SELECT ${COLUMNS} FROM logs WHERE ts = $1`, values: [at] },
      { text: `SELECT ${COLUMNS} FROM logs WHERE producer_id = $1 AND ts < $2 ORDER BY ts DESC LIMIT 10`, values: [c.anchor.producerId, at] },
      { text: `SELECT ${COLUMNS} FROM logs WHERE producer_id = $1 AND ts > $2 ORDER BY ts ASC LIMIT 10`, values: [c.anchor.producerId, at] },
    ];
  },
  trace: (traceId: string): PgQuery[] => [{ text: `SELECT ${COLUMNS} FROM logs WHERE trace_id = $1 ORDER BY ts ASC LIMIT 101`, values: [traceId] }],
  request: (requestId: string): PgQuery[] => newest("WHERE attributes->>'request_id' = $1", [requestId]),
  export: (): PgQuery[] => [{ text: `SELECT ${COLUMNS} FROM logs WHERE log_level = $1 ORDER BY ts DESC`, values: ['CRITICAL'] }],
};
