import type { RealLogsFigures, ReplayedFileFigures } from '../phases/real-logs-phase';
import { realLogsRows } from './real-logs-rows';

const file = (source: string, overrides: Partial<ReplayedFileFigures> = {}): ReplayedFileFigures => ({
  file: `${source}_2k.log`,
  source,
  producerId: `replay-${source}`,
  rawBytes: 200_000,
  lines: 2000,
  sent: 2000,
  stored: 2000,
  lost: 0,
  duplicates: 0,
  acknowledged: true,
  ndjsonBytes: 900_000,
  ...overrides,
});

const measured = (files: ReplayedFileFigures[], bytesOnDisk: number): RealLogsFigures => ({
  measured: true,
  folder: '/logs',
  files,
  rows: files.reduce((sum, one) => sum + one.stored - one.duplicates, 0),
  bytesOnDisk,
  indexBytes: bytesOnDisk / 4,
  textIndexBytes: bytesOnDisk / 5,
});

describe('realLogsRows', () => {
  it('says why when the real logs were not measured', () => {
    const rows = realLogsRows({ measured: false, folder: '/x', reason: 'no ../shared/data/loghub' });
    expect(rows).toEqual([expect.objectContaining({ group: 'storage', figure: 'not measured: no ../shared/data/loghub' })]);
  });

  it('meets the target at 4x the NDJSON sent, with every line stored', () => {
    const rows = realLogsRows(measured([file('apache'), file('hdfs')], 450_000));
    expect(rows.map((row) => row.group)).toEqual(['storage', 'storage', 'storage', 'storage']);
    expect(rows[0]).toMatchObject({ figure: '4,000 of 4,000', target: 'every line stored once: met' });
    expect(rows[1].figure).toBe('112.5 B');
    expect(rows[1].comparison).toContain('text index 22.5 B (20.0% of disk');
    expect(rows[2]).toMatchObject({ figure: '4.00x', target: '≥ 4x: met' });
    expect(rows[3].figure).toBe('0.89x');
  });

  it('flags lost lines and storage above a quarter of the NDJSON', () => {
    const rows = realLogsRows(measured([file('linux', { stored: 1613, lost: 387, acknowledged: false })], 300_000));
    expect(rows[0]).toMatchObject({ figure: '1,613 of 2,000', target: 'every line stored once: MISSED' });
    expect(rows[2]).toMatchObject({ figure: '3.00x', target: '≥ 4x: MISSED' });
  });
});
