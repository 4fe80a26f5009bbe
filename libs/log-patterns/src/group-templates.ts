/**
 * The miner: groups templates into patterns in the manner of Drain (He et al., ICWS 2017). Masking
 * cannot know that `root` in "Failed password for root from <*>" is a user name; seeing "Failed
 * password for admin from <*>" beside it can. Templates of the same length whose first tokens agree
 * form a leaf of Drain's tree; in a leaf a template joins the most similar group when enough of its
 * tokens agree, and the positions where members differ become `<*>`.
 *
 * It works on templates with counts (what `GROUP BY pattern_id` over a time range returns), not on a
 * stream of messages: the inputs are put in one canonical order first (busiest, then by template),
 * so the groups depend only on the set of inputs — any api replica grouping the same rows from
 * ClickHouse returns the same groups, and the ids stored with events never change.
 */
import { compareBusiestFirst, type TemplateCount } from './template-count';
import { VARIABLE } from './variable-rules';

export type { TemplateCount } from './template-count';

/** Templates grouped as one pattern. */
export interface PatternGroup<T extends TemplateCount> {
  /** The members' common template: tokens that differ between members read `<*>`. */
  readonly template: string;
  /** The members' counts summed. */
  readonly count: number;
  /** The grouped inputs, busiest first. */
  readonly members: readonly T[];
}

export interface GroupingOptions {
  /** Share of token positions a template must share with a group to join it. Default 0.75. */
  readonly similarity?: number;
  /** Leading tokens that must agree exactly (Drain's tree depth minus 2). Default 2. */
  readonly prefixTokens?: number;
}

interface Group<T extends TemplateCount> {
  tokens: string[];
  count: number;
  readonly members: T[];
}

/**
 * Groups templates into patterns, busiest pattern first. Cost grows with the number of distinct
 * templates per leaf squared, so feed it the busiest few thousand of a range, not every event.
 */
export function groupTemplates<T extends TemplateCount>(
  items: readonly T[],
  options: GroupingOptions = {},
): PatternGroup<T>[] {
  const similarity = options.similarity ?? 0.75;
  const prefixTokens = options.prefixTokens ?? 2;
  const leaves = new Map<string, Group<T>[]>();
  const groups: Group<T>[] = [];
  for (const item of [...items].sort(compareBusiestFirst)) {
    const tokens = item.template.split(' ');
    const key = leafKey(tokens, prefixTokens);
    const leaf = leaves.get(key) ?? [];
    if (leaf.length === 0) leaves.set(key, leaf);
    const group = findClosestGroup(leaf, tokens, similarity);
    if (group === undefined) {
      const created: Group<T> = { tokens, count: item.count, members: [item] };
      leaf.push(created);
      groups.push(created);
    } else {
      group.tokens = group.tokens.map((token, index) => (token === tokens[index] ? token : VARIABLE));
      group.count += item.count;
      group.members.push(item);
    }
  }
  return groups
    .map((group) => ({ template: group.tokens.join(' '), count: group.count, members: group.members }))
    .sort(compareBusiestFirst);
}

/** Drain's tree path: the token count, then the first tokens, a token holding a variable as `<*>`. */
function leafKey(tokens: readonly string[], prefixTokens: number): string {
  const prefix = tokens.slice(0, prefixTokens).map((token) => (token.includes(VARIABLE) ? VARIABLE : token));
  return `${tokens.length} ${prefix.join(' ')}`;
}

/** The group sharing the most positions with the tokens, if it shares enough; the oldest wins a tie. */
function findClosestGroup<T extends TemplateCount>(
  leaf: readonly Group<T>[],
  tokens: readonly string[],
  similarity: number,
): Group<T> | undefined {
  let closest: Group<T> | undefined;
  let closestShare = similarity;
  for (const group of leaf) {
    const share = shareOfEqualTokens(group.tokens, tokens);
    if (share > closestShare || (share === closestShare && closest === undefined)) {
      closest = group;
      closestShare = share;
    }
  }
  return closest;
}

function shareOfEqualTokens(left: readonly string[], right: readonly string[]): number {
  let equal = 0;
  for (let index = 0; index < left.length; index++) if (left[index] === right[index]) equal++;
  return equal / left.length;
}
