/**
 * The storage replayed real logs take: the api's data directory merged (OPTIMIZE FINAL), its
 * bytes on disk with the text index, and the NDJSON the api was sent for the same rows.
 */
import { openStorage, type Storage } from '@logline/ch-client';
import { tableSize, type TableSize } from './engine-storage';

export interface ReplayedStorage extends TableSize {
  /** Compressed bytes of the text index on message alone (part of indexBytes). */
  textIndexBytes: number;
  /** NDJSON bytes (newline included) of the stored rows as the generator sent them, per producer. */
  ndjsonBytesByProducer: Record<string, number>;
}

interface StoredRow {
  timestamp_ms: string | number;
  log_level: string;
  message: string;
  source: string;
  host: string;
  producer_id: string;
  seq: string | number | null;
  attributes: Record<string, string>;
}

export async function measureReplayedStorage(args: { dataDir: string }): Promise<ReplayedStorage> {
  const storage = openStorage({ dataDir: args.dataDir });
  try {
    // Merged into one part per partition, as the table settles when kept: the size a user keeping
    // these logs sees, not that of the last inserts' small parts.
    await storage.writer.command({ query: 'OPTIMIZE TABLE logs.application_logs FINAL' });
    return {
      ...(await tableSize(storage, 'application_logs')),
      textIndexBytes: await textIndexBytes(storage),
      ndjsonBytesByProducer: await ndjsonBytesByProducer(storage),
    };
  } finally {
    await storage.close();
  }
}

async function textIndexBytes(storage: Storage): Promise<number> {
  const result = await storage.reader.query({
    query: `SELECT sum(data_compressed_bytes) AS bytes FROM system.data_skipping_indices
            WHERE database = 'logs' AND table = 'application_logs' AND type = 'text'`,
    format: 'JSONEachRow',
  });
  const [row] = await result.json<{ bytes: string }>();
  return Number(row?.bytes ?? 0);
}

/**
 * The api keeps no wire size, so each stored row is turned back into the line the generator sent
 * for it (apps/generator producer.ts: these keys, an ISO timestamp, no host key when the line had
 * none). Replayed events carry no other field, so this is what the api received: on the loghub
 * samples it matched a capture of the generator's request bodies byte for byte.
 * Read on the writer client: the reader's result-row cap would stop a large replay.
 */
async function ndjsonBytesByProducer(storage: Storage): Promise<Record<string, number>> {
  const result = await storage.writer.query({
    query: `SELECT toUnixTimestamp64Milli(timestamp) AS timestamp_ms, log_level, message, source, host, producer_id, seq, attributes
            FROM logs.application_logs`,
    format: 'JSONEachRow',
  });
  const bytes: Record<string, number> = {};
  for await (const rows of result.stream<StoredRow>()) {
    for (const entry of rows) {
      const { timestamp_ms, log_level, message, source, host, producer_id, seq, attributes } = entry.json();
      const timestamp = new Date(Number(timestamp_ms)).toISOString();
      const line = JSON.stringify({ timestamp, log_level, message, source, host: host || undefined, producer_id, seq: seq === null ? undefined : Number(seq), attributes });
      bytes[producer_id] = (bytes[producer_id] ?? 0) + Buffer.byteLength(line) + 1;
    }
  }
  return bytes;
}
