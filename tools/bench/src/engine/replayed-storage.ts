/**
 * The storage replayed real logs take: the api's data directory merged (OPTIMIZE FINAL), its
 * bytes on disk with the text index, and the NDJSON the api was sent for the same rows.
 */
import { openStorage, type Storage } from '@logline/ch-client';
import { storedPages } from '../queries/export-all';
import { tableSize, type TableSize } from './engine-storage';

export interface ReplayedStorage extends TableSize {
  /** Compressed bytes of the text index on message alone (part of indexBytes). */
  textIndexBytes: number;
  /** NDJSON bytes (newline included) of the stored rows as the generator sent them, per producer. */
  ndjsonBytesByProducer: Record<string, number>;
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
 * The api keeps no wire size, so each stored row, read back as the api's export reads it, is
 * turned back into the line the generator sent for it (apps/generator producer.ts: these keys, an
 * ISO timestamp, no host key when the line had none). Replayed events carry no other field, so
 * this is what the api received: on the loghub samples it matched a capture of the generator's
 * request bodies byte for byte.
 */
async function ndjsonBytesByProducer(storage: Storage): Promise<Record<string, number>> {
  const bytes: Record<string, number> = {};
  for await (const page of storedPages(storage.reader, {})) {
    for (const { timestamp, log_level, message, source, host, producer_id, seq, attributes } of page) {
      const line = JSON.stringify({ timestamp, log_level, message, source, host: host || undefined, producer_id, seq: seq ?? undefined, attributes });
      bytes[producer_id] = (bytes[producer_id] ?? 0) + Buffer.byteLength(line) + 1;
    }
  }
  return bytes;
}
