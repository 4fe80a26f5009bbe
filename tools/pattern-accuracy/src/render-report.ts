/** The run's figures as an aligned text table for the terminal and a Markdown section for the docs. */
import type { SampleThroughput, SyntheticThroughput } from './measure-throughput';

export interface SystemAccuracy {
  readonly system: string;
  readonly messages: number;
  readonly trueGroups: number;
  /** Distinct stored ids, and GA when each id is taken as a group. */
  readonly patternIds: number;
  readonly idAccuracy: number;
  /** Patterns the view lists (ids grouped by the miner), and GA of that grouping. */
  readonly patterns: number;
  readonly patternAccuracy: number;
}

export interface AccuracyReport {
  readonly date: string;
  readonly machine: string;
  readonly systems: readonly SystemAccuracy[];
  /** All systems' lines grouped together, as one range holding every source. */
  readonly combined: SystemAccuracy;
  readonly samples: SampleThroughput;
  readonly synthetic: SyntheticThroughput;
}

/** The api's ingest rate the cost is set against (its upper figure on 2 cores). */
const API_EVENTS_PER_SECOND = 100_000;

const HEADER = ['system', 'lines', 'true groups', 'pattern ids', 'GA of ids', 'patterns', 'GA of patterns'];

function tableRows(report: AccuracyReport): string[][] {
  const mean = (pick: (system: SystemAccuracy) => number) =>
    (report.systems.reduce((sum, system) => sum + pick(system), 0) / report.systems.length).toFixed(3);
  const meanRow = ['mean', '', '', '', mean((system) => system.idAccuracy), '', mean((system) => system.patternAccuracy)];
  return [...report.systems.map(describeSystem), meanRow, describeSystem(report.combined)];
}

function describeSystem(system: SystemAccuracy): string[] {
  return [
    system.system,
    String(system.messages),
    String(system.trueGroups),
    String(system.patternIds),
    system.idAccuracy.toFixed(3),
    String(system.patterns),
    system.patternAccuracy.toFixed(3),
  ];
}

/** A rate with what it costs per message and at the api's ingest rate. */
function describeRate(messagesPerSecond: number): string {
  const microseconds = (1e6 / messagesPerSecond).toFixed(2);
  const coreShare = ((API_EVENTS_PER_SECOND / messagesPerSecond) * 100).toFixed(0);
  return `${formatCount(messagesPerSecond)} messages/s (${microseconds} µs each; ${coreShare}% of one core at ${formatCount(API_EVENTS_PER_SECOND)} events/s)`;
}

function throughputLines({ samples, synthetic }: AccuracyReport): string[] {
  return [
    `derivePattern (ingest) on the samples, median of ${samples.passes} passes: ${describeRate(samples.messagesPerSecond)}`,
    `derivePattern (ingest) on ${formatCount(synthetic.messages)} synthetic messages (sample lines, digits redrawn; ` +
      `results kept, as the api keeps rows until their insert): ${describeRate(synthetic.messagesPerSecond)}`,
    `groupTemplates (Patterns view) on their ${formatCount(synthetic.distinctTemplates)} distinct templates: ` +
      `${synthetic.groupingMilliseconds.toFixed(0)} ms, ${formatCount(synthetic.patterns)} patterns`,
  ];
}

export function renderText(report: AccuracyReport): string {
  const rows = [HEADER, ...tableRows(report)];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const align = (cell: string, column: number) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]));
  const table = rows.map((row) => row.map(align).join('  '));
  return [report.machine, '', ...table, '', 'CPU time:', ...throughputLines(report)].join('\n');
}

export function renderMarkdownSection(report: AccuracyReport): string {
  return [
    '## Log patterns',
    '',
    `Measured by \`npm run patterns:accuracy -- --write-docs\` on ${report.date.slice(0, 10)}: ${report.machine}.`,
    'Grouping accuracy (GA, Zhu et al., ICSE-SEIP 2019: a line counts when its group holds exactly the lines of',
    "its true group) on loghub's 2k-line samples, `Content` as the message and `EventId` as the truth; no",
    'per-system rules. "GA of ids" takes each stored `pattern_id` as a group; "GA of patterns" is what the',
    'Patterns view lists: those ids grouped by the Drain-style miner over the whole sample. The last row',
    'groups all samples as one range (a group spanning two systems counts wrong). For reference, loghub\'s',
    'README gives a plain Drain (numeric masks only) 0.822 mean on the same samples.',
    '',
    `| ${HEADER.join(' | ')} |`,
    `| ${HEADER.map(() => '---').join(' | ')} |`,
    ...tableRows(report).map((row) => `| ${row.join(' | ')} |`),
    '',
    'Cost, in CPU time of one process:',
    '',
    ...throughputLines(report).map((line) => `- ${line}`),
    '',
  ].join('\n');
}

function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
