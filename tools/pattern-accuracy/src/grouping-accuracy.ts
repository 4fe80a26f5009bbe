/**
 * Grouping accuracy (GA) as defined by Zhu et al., "Tools and Benchmarks for Automated Log Parsing"
 * (ICSE-SEIP 2019): the share of messages whose predicted group holds exactly the messages of their
 * true group. A group split in two, or merged with another, counts every one of its messages wrong.
 */
export function groupingAccuracy(truth: readonly string[], predicted: readonly string[]): number {
  if (truth.length !== predicted.length) {
    throw new Error(`${truth.length} true labels for ${predicted.length} predicted ones`);
  }
  if (truth.length === 0) throw new Error('grouping accuracy needs at least one message');
  const trueSizes = countLabels(truth);
  const predictedGroups = new Map<string, { size: number; trueLabels: Set<string> }>();
  predicted.forEach((label, index) => {
    const group = predictedGroups.get(label) ?? { size: 0, trueLabels: new Set<string>() };
    group.size++;
    group.trueLabels.add(truth[index]);
    predictedGroups.set(label, group);
  });
  let correct = 0;
  for (const { size, trueLabels } of predictedGroups.values()) {
    const [only] = trueLabels;
    if (trueLabels.size === 1 && trueSizes.get(only) === size) correct += size;
  }
  return correct / truth.length;
}

function countLabels(labels: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return counts;
}
