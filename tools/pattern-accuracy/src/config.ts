/** The accuracy command's flags, parsed once into a frozen config; a bad flag stops it with a reason. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** The workspace root, from the bundle in dist/tools/pattern-accuracy. */
export const WORKSPACE = join(__dirname, '..', '..', '..');

export interface AccuracyConfig {
  /** Folder holding loghub's `<System>_2k.log_structured.csv` files (read, never copied). */
  readonly loghub: string;
  /** Messages in the synthetic throughput run. */
  readonly syntheticMessages: number;
  /** Replace the "Log patterns" section of docs/benchmarks.md with this run's figures. */
  readonly writeDocs: boolean;
}

export const USAGE = `Usage: npm run patterns:accuracy -- [flags]

Grouping accuracy (GA, Zhu et al., ICSE-SEIP 2019) of @logline/log-patterns on the loghub samples,
against loghub's EventId ground truth, and the masker's and miner's throughput.

  --loghub DIR      folder with loghub's *_structured.csv samples
                    (default ../shared/data/loghub beside the workspace)
  --synthetic N     messages in the synthetic throughput run (default 1000000)
  --write-docs      replace the "Log patterns" section of docs/benchmarks.md
  -h, --help        show this help`;

export function parseConfig(argv: readonly string[]): AccuracyConfig | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      loghub: { type: 'string' },
      synthetic: { type: 'string' },
      'write-docs': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const loghub = values.loghub === undefined ? join(WORKSPACE, '..', 'shared', 'data', 'loghub') : resolve(values.loghub);
  if (!existsSync(loghub)) throw new Error(`--loghub: no folder ${loghub}`);
  const syntheticMessages = Number(values.synthetic ?? 1_000_000);
  if (!Number.isSafeInteger(syntheticMessages) || syntheticMessages < 1) {
    throw new Error(`--synthetic: expected a whole number of messages >= 1, got ${values.synthetic}`);
  }
  return Object.freeze({ loghub, syntheticMessages, writeDocs: values['write-docs'] === true });
}
