/** Table rows for the real logs replayed through the generator and api: delivery, then storage. */
import type { RealLogsFigures } from '../phases/real-logs-phase';
import { fixed, kib, thousands, verdict, type TableRow } from './format';
import { MIN_COMPRESSION } from './targets';

export function realLogsRows(realLogs: RealLogsFigures): TableRow[] {
  if (!realLogs.measured) {
    return [{ group: 'storage', what: 'replayed real logs: bytes on disk', figure: `not measured: ${realLogs.reason}`, comparison: '', target: '' }];
  }
  const { files, rows, bytesOnDisk, indexBytes, textIndexBytes } = realLogs;
  const total = (field: 'lines' | 'sent' | 'lost' | 'duplicates' | 'rawBytes' | 'ndjsonBytes') => files.reduce((sum, file) => sum + file[field], 0);
  const lines = total('lines');
  const ndjsonBytes = total('ndjsonBytes');
  const rawBytes = total('rawBytes');
  const everyLineOnce = files.every((file) => file.acknowledged && file.sent === file.lines && file.lost === 0 && file.duplicates === 0);
  const compression = ndjsonBytes / bytesOnDisk;
  const perEvent = (bytes: number) => `${fixed(bytes / rows)} B`;
  return [
    {
      group: 'storage',
      what: `replayed real logs: lines stored (${files.length} files)`,
      figure: `${thousands(rows)} of ${thousands(lines)}`,
      comparison: `${files.map((file) => `${file.source} ${thousands(file.sent)}`).join(', ')} sent; lost ${total('lost')}, duplicates ${total('duplicates')}`,
      target: verdict(everyLineOnce && rows === lines, 'every line stored once'),
    },
    {
      group: 'storage',
      what: 'replayed real logs: bytes on disk per event',
      figure: perEvent(bytesOnDisk),
      comparison:
        `NDJSON sent ${perEvent(ndjsonBytes)}, log line ${perEvent(rawBytes)}; text index ${perEvent(textIndexBytes)} ` +
        `(${fixed((textIndexBytes / bytesOnDisk) * 100)}% of disk; all indexes ${fixed((indexBytes / bytesOnDisk) * 100)}%)`,
      target: '',
    },
    {
      group: 'storage',
      what: 'replayed real logs: compression vs NDJSON sent (incl. text index)',
      figure: `${fixed(compression, 2)}x`,
      comparison: `${kib(bytesOnDisk)} for ${kib(ndjsonBytes)}, after OPTIMIZE FINAL`,
      target: verdict(compression >= MIN_COMPRESSION, `≥ ${MIN_COMPRESSION}x`),
    },
    {
      group: 'storage',
      what: 'replayed real logs: compression vs the log files',
      figure: `${fixed(rawBytes / bytesOnDisk, 2)}x`,
      comparison: `${kib(bytesOnDisk)} for ${kib(rawBytes)} of log text (each event keeps its line in attributes.raw)`,
      target: '',
    },
  ];
}
