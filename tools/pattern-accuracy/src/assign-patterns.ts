/**
 * Groups messages the way Logline shows them: each message gets its stored `pattern_id`, then the
 * distinct templates with their counts (what `GROUP BY pattern_id` over a range returns) are grouped
 * by the miner into the patterns the Patterns view lists.
 */
import { derivePattern, groupTemplates, type TemplateCount } from '@logline/log-patterns';

export interface PatternAssignment {
  /** Per message, the id stored with its event. */
  readonly patternIds: readonly string[];
  /** Per message, the pattern (a group of ids) the view lists it under. */
  readonly patternGroups: readonly string[];
  /** How many patterns the view lists. */
  readonly groupCount: number;
}

interface StoredPattern extends TemplateCount {
  readonly patternId: string;
  count: number;
}

export function assignPatterns(messages: readonly string[]): PatternAssignment {
  const patterns = messages.map(derivePattern);
  const stored = new Map<string, StoredPattern>();
  for (const { patternId, template } of patterns) {
    const counted = stored.get(patternId);
    if (counted === undefined) stored.set(patternId, { patternId, template, count: 1 });
    else counted.count++;
  }
  const groups = groupTemplates([...stored.values()]);
  const groupOf = new Map<string, string>();
  groups.forEach((group, index) => {
    for (const member of group.members) groupOf.set(member.patternId, String(index));
  });
  return {
    patternIds: patterns.map((pattern) => pattern.patternId),
    patternGroups: patterns.map((pattern) => groupOf.get(pattern.patternId) ?? pattern.patternId),
    groupCount: groups.length,
  };
}
