import { MIGRATIONS } from '@logline/log-schema';
import { applyMigrations, openStorage, type MigrationReport, type Storage } from '../src';
import { claimKey, readHolder } from '../src/replica-state/claims';
import { closeTestStorage } from '../src/testing';
import { openStorageIn, STORAGE_MODES } from './storage-modes';

const FAST_LOCK = { leaseMs: 1_500, beatMs: 200, pollMs: 50 };
const NEWEST = Math.max(...MIGRATIONS.map((migration) => migration.version));

async function count(storage: Storage, query: string): Promise<number> {
  const result = await storage.reader.query({ query, format: 'JSONEachRow' });
  const [first] = await result.json<{ n: number | string }>();
  return Number(first.n);
}

describe.each(STORAGE_MODES)('migrations, %s', (mode) => {
  let storage: Storage;
  /** Another api replica's own connection to the same storage. */
  const openReplica = () => (mode === 'server' ? openStorage({ url: storage.location }) : openStorage({ dataDir: storage.location }));

  beforeAll(async () => {
    storage = await openStorageIn(mode);
  });
  afterAll(async () => {
    // Leave the schema as the other suites of this worker expect it.
    await applyMigrations(storage.writer, { retentionDays: 30 });
    await closeTestStorage(storage);
  });

  beforeEach(async () => {
    await storage.writer.command({ query: 'DROP DATABASE IF EXISTS logs SYNC' });
  });

  it('applies each pending migration once when three replicas start together, and the rollups count every stored event once', async () => {
    const early = MIGRATIONS.filter((migration) => migration.version <= 3);
    await applyMigrations(storage.writer, { retentionDays: 30, migrations: early });
    // Events stored before the rollups existed: the rollup migrations must count each of them once.
    await storage.writer.command({
      query: `INSERT INTO logs.application_logs (timestamp, log_level, message, source, host, producer_id, seq)
              SELECT now64(3) - toIntervalSecond(number * 7), 'INFO', concat('event ', toString(number)),
                     ['auth', 'payment'][number % 2 + 1], concat('h', toString(number % 3)), 'migrating', number
              FROM numbers(500)`,
    });

    const replicas = [openReplica(), openReplica(), openReplica()];
    let reports: MigrationReport[];
    try {
      reports = await Promise.all(
        replicas.map((replica, k) => applyMigrations(replica.writer, { retentionDays: 30, holder: `replica-${k}`, lockTiming: FAST_LOCK })),
      );
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
    }

    const pending = MIGRATIONS.filter((migration) => migration.version > 3).map((migration) => migration.version);
    expect(reports.flatMap((report) => report.applied).sort((a, b) => a - b)).toEqual(pending);
    expect(reports.filter((report) => report.applied.length > 0)).toHaveLength(1);
    expect(reports.map((report) => report.version)).toEqual([NEWEST, NEWEST, NEWEST]);
    expect(await count(storage, 'SELECT count() AS n FROM logs.schema_migrations')).toBe(MIGRATIONS.length);
    expect(await count(storage, 'SELECT sum(events) AS n FROM logs.log_counts_1m')).toBe(500);
    expect(await count(storage, 'SELECT sum(events) AS n FROM logs.log_counts_host_1m')).toBe(500);
  });

  it('takes the lock over from a holder that stopped beating, and applies everything', async () => {
    await applyMigrations(storage.writer, { retentionDays: 30, migrations: [] });
    expect(await claimKey(storage.writer, 'schema-lock:1', 'a replica that died')).toBe(true);

    const report = await applyMigrations(storage.writer, { retentionDays: 30, holder: 'survivor', lockTiming: FAST_LOCK });

    expect(report).toEqual({ applied: MIGRATIONS.map((migration) => migration.version), version: NEWEST });
    expect(await readHolder(storage.writer, 'schema-lock:2')).toBe('survivor');
  });

  it('keeps the first claim of a key for every claimant', async () => {
    await applyMigrations(storage.writer, { retentionDays: 30, migrations: [] });
    const replicas = [openReplica(), openReplica()];
    try {
      const won = await Promise.all(replicas.map((replica, k) => claimKey(replica.writer, 'alert:rule:1', `replica-${k}`)));
      expect(won.filter(Boolean)).toHaveLength(1);
      const holder = await readHolder(storage.writer, 'alert:rule:1');
      expect(holder).toBe(`replica-${won.indexOf(true)}`);
      expect(await claimKey(storage.writer, 'alert:rule:1', 'late')).toBe(false);
    } finally {
      await Promise.all(replicas.map((replica) => replica.close()));
    }
  });
});
