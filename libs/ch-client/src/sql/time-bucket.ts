import { bind, sql, type SqlFragment } from './sql';

/** The start of an event's time bucket of `bucketSeconds`, in epoch ms (histograms, stats over time). */
export function timeBucketMs(bucketSeconds: number): SqlFragment {
  return sql`toUnixTimestamp64Milli(toDateTime64(toStartOfInterval(timestamp, toIntervalSecond(${bind(bucketSeconds, 'UInt32')})), 3))`;
}
