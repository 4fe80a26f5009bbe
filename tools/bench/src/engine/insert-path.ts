/**
 * Where the api's ingest time goes, per batch, stage by stage on the same kind of rows: JSON.parse,
 * normalizeEvent with prepareLogRow (the pattern id), derivePattern on its own, the Native
 * encoding, the duplicate-check SELECT for every row (what a writer beside Vector on a server
 * runs), then storing in turn with the embedded api's writer (which skips the SELECT for seqs it
 * knows are new, encodes and inserts a Native block), a bare Native insert, the JSON text path the
 * api took before (JSON.stringify, then JSONEachRow with the pattern id, and without it for the
 * column's default to compute) and the producers' NDJSON handed to the engine as it came (no work
 * in JS at all). Each stage's time and the process's CPU time (the engine's threads included) are
 * kept.
 */
import { Readable } from 'node:stream';
import type { ClickHouseClient } from '@clickhouse/client';
import { createLogRowWriter, encodeNativeLogBlock, findStoredEvents, NATIVE_LOG_COLUMNS, NativeBlockInserter, prepareLogRow } from '@logline/ch-client';
import { derivePattern } from '@logline/log-patterns';
import { formatClickHouseTime, normalizeEvent, type LogRow } from '@logline/log-schema';
import { benchRow } from '../dataset/bench-events';
import { createRandom } from '../dataset/random';
import { median } from '../stats';
import { openMigratedStorage } from './engine-storage';

const LOGS = 'logs.application_logs';
const WIRE_COLUMNS = '(timestamp, log_level, message, source, host, producer_id, seq, attributes)';
const INSERT_JSON = `INSERT INTO ${LOGS} (${NATIVE_LOG_COLUMNS.join(', ')}) FORMAT JSONEachRow`;
const INSERT_JSON_DEFAULT_ID = `INSERT INTO ${LOGS} (${NATIVE_LOG_COLUMNS.filter((column) => column !== 'pattern_id').join(', ')}) FORMAT JSONEachRow`;
const INSERT_WIRE = `INSERT INTO ${LOGS} ${WIRE_COLUMNS} SETTINGS date_time_input_format = 'best_effort' FORMAT JSONEachRow`;

const STAGES = ['parse', 'normalize', 'derive', 'encode', 'check', 'writer', 'native', 'serialize', 'json', 'jsonDefaultId', 'wire'] as const;
type Stage = (typeof STAGES)[number];
const STORES = ['writer', 'native', 'json', 'jsonDefaultId', 'wire'] as const;

/** Median wall and CPU milliseconds per batch of one stage. */
export interface StageCost {
  ms: number;
  cpuMs: number;
}

export interface InsertPathResult {
  events: number;
  batchRows: number;
  /**
   * parse, normalize (with prepareLogRow and its pattern id), derive (derivePattern alone), encode
   * (Native), check (duplicate SELECT of every row), writer (the embedded api's: check mostly
   * skipped, encode, Native insert), native (bare insert of an encoded block), serialize
   * (JSON.stringify), json (JSONEachRow insert of those lines, pattern id given), jsonDefaultId (the
   * same without it: the column's default computes it), wire (NDJSON as sent).
   */
  stages: Record<Stage, StageCost>;
}

export async function measureInsertPath(args: { dataDir: string; events: number; batchRows: number }): Promise<InsertPathResult> {
  const storage = await openMigratedStorage(args.dataDir);
  const native = new NativeBlockInserter(storage.writer);
  const samples = new Map<Stage, { ms: number; cpuMs: number }[]>();
  const time = async <T>(stage: Stage, work: () => T | Promise<T>): Promise<T> => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const value = await work();
    const used = process.cpuUsage(cpu);
    const list = samples.get(stage) ?? [];
    list.push({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
    samples.set(stage, list);
    return value;
  };
  try {
    // As the api configures it on the embedded engine. (The other stages store rows of the same
    // producers behind its back, but never with the writer's seqs, so its knowledge stays true.)
    const write = createLogRowWriter(storage.writer, undefined, { soleWriter: true, native });
    const batches = Math.ceil(args.events / args.batchRows);
    for (let batch = 0; batch < batches; batch += 1) {
      const lines = wireLines(batch, args.batchRows);
      const values = await time('parse', () => lines.map((line) => JSON.parse(line) as unknown));
      const prepared = await time('normalize', () => values.map((value) => prepareLogRow(...normalizeRow(value))));
      await time('derive', () => prepared.map(({ row }) => derivePattern(row.message)));
      const block = await time('encode', () => encodeNativeLogBlock(prepared, Date.now()));
      const identities = prepared.flatMap(({ row }) => (row.seq === null ? [] : [{ producerId: row.producer_id, seq: row.seq, timestamp: row.timestamp }]));
      await time('check', () => findStoredEvents(storage.writer, identities));
      // Each round stores once with each; the order rotates by round, since whichever comes first
      // after the check came out slower.
      const stage = STORES[(batch + Math.floor(batch / STORES.length)) % STORES.length];
      if (stage === 'writer') await time(stage, () => write(prepared));
      else if (stage === 'native') await time(stage, () => native.insert(LOGS, NATIVE_LOG_COLUMNS, block));
      else if (stage === 'json') {
        const ingested_at = formatClickHouseTime(Date.now());
        const json = await time('serialize', () => prepared.map(({ row, patternId }) => JSON.stringify({ ...row, pattern_id: patternId, ingested_at })));
        await time(stage, () => insertText(storage.writer, INSERT_JSON, json));
      } else if (stage === 'jsonDefaultId') {
        const ingested_at = formatClickHouseTime(Date.now());
        await time(stage, () => insertText(storage.writer, INSERT_JSON_DEFAULT_ID, prepared.map(({ row }) => JSON.stringify({ ...row, ingested_at }))));
      } else await time(stage, () => insertText(storage.writer, INSERT_WIRE, lines));
    }
  } finally {
    native.close();
    await storage.close();
  }
  const cost = (stage: Stage): StageCost => ({ ms: median((samples.get(stage) ?? []).map((s) => s.ms)), cpuMs: median((samples.get(stage) ?? []).map((s) => s.cpuMs)) });
  const stages = Object.fromEntries(STAGES.map((stage) => [stage, cost(stage)]));
  return { events: args.events, batchRows: args.batchRows, stages: stages as Record<Stage, StageCost> };
}

function normalizeRow(value: unknown): [LogRow, number] {
  const result = normalizeEvent(value);
  if (!result.ok) throw new Error(`normalizeEvent refused a bench event: ${result.reason}`);
  return [result.row, result.timestampMs];
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
