/**
 * Where the api's ingest time goes, per batch, stage by stage on the same rows: JSON.parse,
 * normalizeEvent, prepareLogRow (JSON.stringify and the pattern id), derivePattern on its own, the
 * duplicate-check SELECT for every row (what a writer beside Vector on a server runs), then storing
 * in turn with the embedded api's writer (which skips the SELECT for seqs it knows are new), a bare
 * insert with the pattern id, one without it (the column's default computes it), and — for
 * comparison — the producers' NDJSON handed to the engine as it came (no work in JS at all).
 */
import { Readable } from 'node:stream';
import type { ClickHouseClient } from '@clickhouse/client';
import { createLogRowWriter, findStoredEvents, prepareLogRow } from '@logline/ch-client';
import { derivePattern } from '@logline/log-patterns';
import { normalizeEvent, type LogRow } from '@logline/log-schema';
import { benchRow } from '../dataset/bench-events';
import { createRandom } from '../dataset/random';
import { median } from '../stats';
import { openMigratedStorage } from './engine-storage';

const COLUMNS = '(timestamp, log_level, message, source, host, producer_id, seq, attributes)';
const INSERT = `INSERT INTO logs.application_logs ${COLUMNS} FORMAT JSONEachRow`;
const INSERT_WITH_ID = `INSERT INTO logs.application_logs (timestamp, log_level, message, source, host, producer_id, seq, attributes, pattern_id) FORMAT JSONEachRow`;
const INSERT_WIRE = `INSERT INTO logs.application_logs ${COLUMNS} SETTINGS date_time_input_format = 'best_effort' FORMAT JSONEachRow`;

/** Median milliseconds per batch of each stage. */
export interface InsertPathResult {
  events: number;
  batchRows: number;
  parseMs: number;
  normalizeMs: number;
  /** prepareLogRow: JSON.stringify and derivePattern. */
  serializeMs: number;
  /** derivePattern over the batch's messages, timed on its own. */
  deriveMs: number;
  /** The embedded api's writer: its duplicate check (mostly skipped), then the insert. */
  writerMs: number;
  /** A bare insert leaving pattern_id out: the engine computes it (the column's default). */
  insertMs: number;
  /** A bare insert with pattern_id given (as the api's writer sends it). */
  insertWithIdMs: number;
  /** The duplicate-check SELECT over every row of the batch, timed on its own. */
  dedupSelectMs: number;
  /** The wire NDJSON inserted untouched (the engine parses it). */
  wireInsertMs: number;
}

type Stage = 'parse' | 'normalize' | 'serialize' | 'derive' | 'check' | 'writer' | 'insert' | 'insertWithId' | 'wire';
const STORES = ['writer', 'insert', 'insertWithId', 'wire'] as const;

export async function measureInsertPath(args: { dataDir: string; events: number; batchRows: number }): Promise<InsertPathResult> {
  const storage = await openMigratedStorage(args.dataDir);
  const times: Record<Stage, number[]> = { parse: [], normalize: [], serialize: [], derive: [], check: [], writer: [], insert: [], insertWithId: [], wire: [] };
  const time = async <T>(stage: Stage, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await work();
    times[stage].push(performance.now() - started);
    return value;
  };
  try {
    // As the api configures it on the embedded engine. (The other stages store rows of the same
    // producers behind its back, but never with the writer's seqs, so its knowledge stays true.)
    const write = createLogRowWriter(storage.writer, undefined, { soleWriter: true });
    const batches = Math.ceil(args.events / args.batchRows);
    for (let batch = 0; batch < batches; batch += 1) {
      const lines = wireLines(batch, args.batchRows);
      const values = await time('parse', () => lines.map((line) => JSON.parse(line) as unknown));
      const rows = await time('normalize', () => values.map(normalizeRow));
      const prepared = await time('serialize', () => rows.map(({ row, timestampMs }) => prepareLogRow(row, timestampMs)));
      await time('derive', () => rows.map(({ row }) => derivePattern(row.message)));
      const identities = rows.flatMap(({ row }) => (row.seq === null ? [] : [{ producerId: row.producer_id, seq: row.seq, timestamp: row.timestamp }]));
      await time('check', () => findStoredEvents(storage.writer, identities));
      // Each round of four stores once with each; the order rotates by round, since whichever
      // comes first after the check came out slower.
      const stage = STORES[(batch + Math.floor(batch / STORES.length)) % STORES.length];
      if (stage === 'writer') await time(stage, () => write(prepared));
      else if (stage === 'insert') await time(stage, () => insertText(storage.writer, INSERT, prepared.map((row) => row.json)));
      else if (stage === 'insertWithId') await time(stage, () => insertText(storage.writer, INSERT_WITH_ID, prepared.map((row) => row.json)));
      else await time(stage, () => insertText(storage.writer, INSERT_WIRE, lines));
    }
  } finally {
    await storage.close();
  }
  const m = (stage: Stage) => median(times[stage]);
  return {
    events: args.events,
    batchRows: args.batchRows,
    parseMs: m('parse'),
    normalizeMs: m('normalize'),
    serializeMs: m('serialize'),
    deriveMs: m('derive'),
    writerMs: m('writer'),
    insertMs: m('insert'),
    insertWithIdMs: m('insertWithId'),
    dedupSelectMs: m('check'),
    wireInsertMs: m('wire'),
  };
}

function normalizeRow(value: unknown): { row: LogRow; timestampMs: number } {
  const result = normalizeEvent(value);
  if (!result.ok) throw new Error(`normalizeEvent refused a bench event: ${result.reason}`);
  return result;
}

/** One batch of events as producers send them: ISO timestamps in the last hour, four producers. */
function wireLines(batch: number, size: number): string[] {
  const random = createRandom(batch + 1);
  const end = Date.now();
  return Array.from({ length: size }, (_, i) => {
    const row = benchRow(random, i, size, end - 1000, end);
    const seq = batch * size + i;
    return JSON.stringify({ ...row, timestamp: `${row.timestamp.replace(' ', 'T')}Z`, producer_id: `path-${seq % 4}`, seq: Math.floor(seq / 4) });
  });
}

async function insertText(client: ClickHouseClient, query: string, lines: readonly string[]): Promise<void> {
  const result = await client.exec({ query, values: Readable.from([lines.join('\n')]) });
  result.stream.resume();
}
