/**
 * The Native encoder on the real engine: rows inserted as Native blocks read back exactly as given
 * (every column, byte for byte) and exactly as the same rows inserted as JSON text.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatClickHouseTime, type LogRow } from '@logline/log-schema';
import type { Storage } from '../connection/open-storage';
import { selectRows } from '../sql/run-query';
import { sql } from '../sql/sql';
import { closeTestStorage, openTestStorage } from '../testing';
import { createLogRowWriter } from './log-row-writer';
import { NativeBlockInserter } from './native-block-inserter';
import { prepareLogRow, type PreparedLogRow } from './prepared-row';

const NOW = Date.now();

/** Strings whose UTF-8 length needs one, two and three bytes of LEB128, and the largest message. */
const SIZES = [0, 1, 42, 43, 127, 128, 16_383, 16_384, 65_536];

function row(producer: string, seq: number | null, fields: Partial<LogRow> = {}, timestampMs = NOW + (seq ?? 0)): PreparedLogRow {
  return prepareLogRow(
    {
      timestamp: formatClickHouseTime(timestampMs),
      log_level: 'INFO',
      message: `message ${seq}`,
      source: 'encoder',
      host: 'host-1',
      producer_id: producer,
      seq,
      attributes: {},
      trace_id: '',
      span_id: '',
      ...fields,
    },
    timestampMs,
  );
}

/** One producer's rows covering every column's hard cases. */
function hardRows(producer: string): PreparedLogRow[] {
  const unicode = 'héllo wörld — 日本語 🚀🔥 e\u0301 שלום';
  return [
    row(producer, 0, { message: unicode, source: 'ソース', host: 'hôte', attributes: { 'clé 🔑': 'välue ✓', 日本: '語' } }),
    row(producer, 1, { message: 'a\u0000b\u0000', attributes: { 'nul\u0000key': 'nul\u0000value' } }),
    row(producer, 2, { message: 'tab\there\nnewline\r\n"quoted" \\backslash\\ \u0001\u001f\u007f' }),
    row(producer, 3, { message: '', host: '', attributes: { '': '' } }),
    ...SIZES.map((size, k) => row(producer, 10 + k, { message: 'é'.repeat(size >> 1) + 'x'.repeat(size & 1), attributes: { big: 'v'.repeat(size) } })),
    row(producer, 20, { attributes: Object.fromEntries(Array.from({ length: 200 }, (_, k) => [`key-${k}`, `value-${k}`])) }),
    row(producer, 21, { attributes: JSON.parse('{"__proto__":"not a prototype","123":"numeric key","constructor":"c"}') as Record<string, string> }),
    row(producer, 22, { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: '00f067aa0ba902b7', log_level: 'CRITICAL' }),
    row(producer, 2 ** 32, {}, NOW + 40),
    row(producer, Number.MAX_SAFE_INTEGER, {}, NOW + 41),
    row(producer, null, { message: 'no seq' }, NOW + 30),
    // The oldest kept (older ones the table's TTL drops as they are written) and the latest accepted.
    row(producer, 23, {}, NOW - 29 * 86_400_000),
    row(producer, 24, {}, Date.UTC(2299, 11, 31, 23, 59, 59, 999)),
  ];
}

interface StoredRow {
  ts_ms: string;
  log_level: string;
  message_hex: string;
  source: string;
  host: string;
  producer_id: string;
  seq: string | null;
  attributes: Record<string, string>;
  trace_id: string;
  span_id: string;
  pattern_id: string;
}

async function readBack(storage: Storage, producer: string): Promise<StoredRow[]> {
  return selectRows<StoredRow>(
    storage.reader,
    sql`SELECT toString(toUnixTimestamp64Milli(timestamp)) AS ts_ms, log_level, hex(message) AS message_hex, source, host, producer_id,
               toString(seq) AS seq, attributes, trace_id, span_id, pattern_id
        FROM logs.application_logs WHERE producer_id = ${producer} ORDER BY timestamp, seq`,
  );
}

/** What the table must hold for `rows`, in the order readBack returns them. */
function expected(rows: readonly PreparedLogRow[]) {
  return [...rows]
    .sort((a, b) => a.timestampMs - b.timestampMs || (a.row.seq ?? -1) - (b.row.seq ?? -1))
    .map(({ row: r, timestampMs, patternId }) => ({
      ts_ms: String(timestampMs),
      log_level: r.log_level,
      message_hex: Buffer.from(r.message, 'utf8').toString('hex').toUpperCase(),
      source: r.source,
      host: r.host,
      producer_id: r.producer_id,
      seq: r.seq === null ? null : String(r.seq),
      attributes: r.attributes,
      trace_id: r.trace_id,
      span_id: r.span_id,
      pattern_id: patternId,
    }));
}

describe('Native blocks of log rows', () => {
  let storage: Storage;
  let native: NativeBlockInserter;
  beforeAll(async () => {
    storage = await openTestStorage();
    native = new NativeBlockInserter(storage.writer);
  });
  afterAll(async () => {
    native.close();
    await closeTestStorage(storage);
  });

  it('store every column as given: unicode, NUL, control characters, long strings, maps, nullable and 53-bit seqs, far dates', async () => {
    const rows = hardRows('native');
    await createLogRowWriter(storage.writer, undefined, { soleWriter: true, native })(rows);
    const stored = await readBack(storage, 'native');
    expect(stored).toEqual(expected(rows));
    // Map keys keep their order too (toEqual above ignores it).
    expect(Object.keys(stored.find((r) => r.seq === '20')?.attributes ?? {})).toEqual(Object.keys(rows.find((r) => r.row.seq === 20)?.row.attributes ?? {}));
  });

  it('store the same rows the JSON text insert stores', async () => {
    await createLogRowWriter(storage.writer, undefined, { soleWriter: true, native })(hardRows('same-native'));
    await createLogRowWriter(storage.writer)(hardRows('same-json'));
    const asNative = await readBack(storage, 'same-native');
    const asJson = await readBack(storage, 'same-json');
    expect(asNative.map((r) => ({ ...r, producer_id: '' }))).toEqual(asJson.map((r) => ({ ...r, producer_id: '' })));
  });

  it('stamp ingested_at on every row of a block, and leave no spool file behind', async () => {
    const spoolRoot = mkdtempSync(join(tmpdir(), 'logline-spool-test-'));
    const own = new NativeBlockInserter(storage.writer, spoolRoot);
    await createLogRowWriter(storage.writer, undefined, { soleWriter: true, native: own })(hardRows('stamped'));
    const stamps = await selectRows<{ stamps: string; rows: string }>(
      storage.reader,
      sql`SELECT toString(uniqExact(ingested_at)) AS stamps, toString(count()) AS rows FROM logs.application_logs WHERE producer_id = ${'stamped'}`,
    );
    expect(stamps).toEqual([{ stamps: '1', rows: String(hardRows('x').length) }]);
    const [spool] = readdirSync(spoolRoot);
    expect(spool.startsWith(`logline-insert-${process.pid}-`)).toBe(true);
    expect(readdirSync(join(spoolRoot, spool))).toEqual([]);
    own.close();
    expect(readdirSync(spoolRoot)).toEqual([]);
    rmSync(spoolRoot, { recursive: true });
  });

  it('remove a spool folder left by a process that ended without closing (kill -9) when making its own', async () => {
    const spoolRoot = mkdtempSync(join(tmpdir(), 'logline-spool-test-'));
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    mkdirSync(join(spoolRoot, `logline-insert-${ended}-a1B2c3`));
    writeFileSync(join(spoolRoot, `logline-insert-${ended}-a1B2c3`, '7.native'), 'a batch never inserted');
    const own = new NativeBlockInserter(storage.writer, spoolRoot);
    await createLogRowWriter(storage.writer, undefined, { soleWriter: true, native: own })(hardRows('after-kill'));
    expect(readdirSync(spoolRoot)).toEqual([expect.stringMatching(new RegExp(`^logline-insert-${process.pid}-`))]);
    own.close();
    rmSync(spoolRoot, { recursive: true });
  });

  it('write a lone surrogate (which JSON text cannot carry into the engine) as U+FFFD', async () => {
    const rows = [row('surrogate', 0, { message: 'broken \ud800 pair', attributes: { k: '\udc00' } })];
    await createLogRowWriter(storage.writer, undefined, { soleWriter: true, native })(rows);
    const [stored] = await readBack(storage, 'surrogate');
    expect(Buffer.from(stored.message_hex, 'hex').toString('utf8')).toBe('broken \ufffd pair');
    expect(stored.attributes).toEqual({ k: '\ufffd' });
  });
});
