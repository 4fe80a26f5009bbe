/**
 * The stored row key (migration 7) computed in JavaScript, for rows the embedded api stored
 * itself: sipHash64(producer_id, seq, source, host, message), without the seq when it is null.
 */
import type { LogRow } from '@logline/log-schema';
import { combineHashes, hashText, hashUInt64, toUnsigned } from './sip-hash';

export type KeyedFields = Pick<LogRow, 'producer_id' | 'seq' | 'source' | 'host' | 'message'>;

/** The row key as ClickHouse stores it, for text an insert accepted (no lone surrogates). */
export function rowKeyOf(row: KeyedFields): bigint {
  let hash = hashText(row.producer_id);
  if (row.seq !== null) hash = combineHashes(hash, hashUInt64(row.seq));
  hash = combineHashes(hash, hashText(row.source));
  hash = combineHashes(hash, hashText(row.host));
  return toUnsigned(combineHashes(hash, hashText(row.message)));
}
