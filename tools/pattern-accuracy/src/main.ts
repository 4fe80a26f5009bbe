/**
 * `npm run patterns:accuracy`: grouping accuracy of @logline/log-patterns on loghub's labelled
 * samples (read from their folder at run time, never copied), per system and on average, and what
 * patterns cost: messages/s on the samples and on a synthetic run of a million messages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { assignPatterns } from './assign-patterns';
import { replaceSection } from './benchmarks-doc';
import { parseConfig, USAGE, WORKSPACE, type AccuracyConfig } from './config';
import { groupingAccuracy } from './grouping-accuracy';
import { readLoghubSamples, type LabelledSample } from './loghub-samples';
import { measureSampleThroughput, measureSyntheticThroughput } from './measure-throughput';
import { renderMarkdownSection, renderText, type AccuracyReport, type SystemAccuracy } from './render-report';

function measureSystem(sample: LabelledSample): SystemAccuracy {
  const assignment = assignPatterns(sample.messages);
  return {
    system: sample.system,
    messages: sample.messages.length,
    trueGroups: new Set(sample.eventIds).size,
    patternIds: new Set(assignment.patternIds).size,
    idAccuracy: groupingAccuracy(sample.eventIds, assignment.patternIds),
    patterns: assignment.groupCount,
    patternAccuracy: groupingAccuracy(sample.eventIds, assignment.patternGroups),
  };
}

/** All samples as one range, as a view over several sources sees them: a group across systems is wrong. */
function combineSamples(samples: readonly LabelledSample[]): LabelledSample {
  return {
    system: 'all in one range',
    messages: samples.flatMap((sample) => sample.messages),
    eventIds: samples.flatMap((sample) => sample.eventIds.map((eventId) => `${sample.system} ${eventId}`)),
  };
}

function measure(config: AccuracyConfig): AccuracyReport {
  const samples = readLoghubSamples(config.loghub);
  const combined = combineSamples(samples);
  const allMessages = combined.messages;
  const processor = cpus();
  return {
    date: new Date().toISOString(),
    machine: `${processor.length} CPUs (${processor[0]?.model.trim() ?? 'unknown'}), Node ${process.version}`,
    systems: samples.map(measureSystem),
    combined: measureSystem(combined),
    samples: measureSampleThroughput(allMessages),
    synthetic: measureSyntheticThroughput(allMessages, config.syntheticMessages),
  };
}

function main(): void {
  const config = parseConfig(process.argv.slice(2));
  if (config === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const report = measure(config);
  process.stdout.write(`${renderText(report)}\n`);
  if (!config.writeDocs) return;
  const path = join(WORKSPACE, 'docs', 'benchmarks.md');
  writeFileSync(path, replaceSection(readFileSync(path, 'utf8'), renderMarkdownSection(report)));
  process.stdout.write(`replaced the "Log patterns" section of ${path}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`patterns:accuracy failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
