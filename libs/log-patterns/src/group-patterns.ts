/**
 * The patterns a view lists over stored ids: groupTemplates over the busiest ids, then closed
 * under covering, so that a pattern's template names exactly its members. A filter by a pattern
 * selects the events whose stored template its template covers (see coversTemplate); closing the
 * groups makes that filter count what the view counted, and no event count under two patterns.
 */
import { patternIdOf } from './derive-pattern';
import { groupTemplates, type GroupingOptions } from './group-templates';
import { compareBusiestFirst, type TemplateCount } from './template-count';
import { VARIABLE } from './variable-rules';

/** A stored pattern id with its template and how many events carry it. */
export interface StoredPatternCount extends TemplateCount {
  readonly patternId: string;
}

/** A pattern as listed: its own id, its template and the stored ids it stands for. */
export interface ListedPattern<T extends StoredPatternCount> {
  /** A single member's own id; patternIdOf(template) for a merged pattern. */
  readonly patternId: string;
  readonly template: string;
  readonly count: number;
  /** Busiest first. */
  readonly members: readonly T[];
}

export interface PatternListOptions extends GroupingOptions {
  /** Ids the miner groups (the busiest); the rest join a pattern only by being covered. Default 2000. */
  readonly minedIds?: number;
}

/** True when every token of `template` equals the pattern's token at its position, or that token is `<*>`. */
export function coversTemplate(pattern: string, template: string): boolean {
  return coversTokens(pattern.split(' '), template.split(' '));
}

/**
 * Groups stored ids into patterns, busiest first. Depends only on the set of items (not their
 * order), so every replica lists the same patterns for the same rows.
 */
export function groupPatterns<T extends StoredPatternCount>(items: readonly T[], options: PatternListOptions = {}): ListedPattern<T>[] {
  const sorted = [...items].sort(compareBusiestFirst);
  const minedIds = options.minedIds ?? 2000;
  let groups: Group<T>[] = [
    ...groupTemplates(sorted.slice(0, minedIds), options).map((group) => ({ tokens: group.template.split(' '), members: [...group.members] })),
    ...sorted.slice(minedIds).map((item) => ({ tokens: item.template.split(' '), members: [item] })),
  ];
  for (let merged = mergeCovered(groups); merged !== undefined; merged = mergeCovered(groups)) groups = merged;
  return groups
    .map((group) => {
      const template = group.tokens.join(' ');
      const members = group.members.sort(compareBusiestFirst);
      const patternId = members.length === 1 ? members[0].patternId : patternIdOf(template);
      return { patternId, template, count: members.reduce((sum, member) => sum + member.count, 0), members };
    })
    .sort(compareBusiestFirst);
}

interface Group<T> {
  tokens: string[];
  members: T[];
}

/** One round: groups joined wherever a member is covered by another group's template; undefined when none is. */
function mergeCovered<T extends StoredPatternCount>(groups: readonly Group<T>[]): Group<T>[] | undefined {
  const index = indexByShape(groups);
  const parent = groups.map((_, position) => position);
  const root = (position: number): number => {
    while (parent[position] !== position) position = parent[position] = parent[parent[position]];
    return position;
  };
  let joined = false;
  groups.forEach((group, position) => {
    for (const member of group.members) {
      const tokens = member.template.split(' ');
      for (const other of candidatesFor(index, tokens)) {
        if (other === position || root(other) === root(position) || !coversTokens(groups[other].tokens, tokens)) continue;
        parent[Math.max(root(other), root(position))] = Math.min(root(other), root(position));
        joined = true;
      }
    }
  });
  if (!joined) return undefined;
  const byRoot = new Map<number, Group<T>>();
  groups.forEach((group, position) => {
    const into = byRoot.get(root(position));
    if (into === undefined) byRoot.set(root(position), { tokens: [...group.tokens], members: [...group.members] });
    else {
      into.tokens = into.tokens.map((token, at) => (token === group.tokens[at] ? token : VARIABLE));
      into.members.push(...group.members);
    }
  });
  return [...byRoot.values()];
}

/** For one token count: per position, the groups holding each literal token there, and those with a variable there. */
type PositionIndex = { literal: Map<string, number[]>; variable: number[] }[];

function indexByShape(groups: readonly Group<unknown>[]): Map<number, PositionIndex> {
  const index = new Map<number, PositionIndex>();
  groups.forEach((group, position) => {
    let positions = index.get(group.tokens.length);
    if (positions === undefined) {
      positions = group.tokens.map(() => ({ literal: new Map<string, number[]>(), variable: [] }));
      index.set(group.tokens.length, positions);
    }
    group.tokens.forEach((token, at) => {
      const slot = positions[at];
      if (token === VARIABLE) slot.variable.push(position);
      else {
        const list = slot.literal.get(token);
        if (list === undefined) slot.literal.set(token, [position]);
        else list.push(position);
      }
    });
  });
  return index;
}

/**
 * The groups that could cover a template: same length, and at its most selective position the
 * same token or a variable. A group covering it must be among them (it matches at every
 * position), so checking only these finds every cover; ids whose templates differ in one
 * unmasked token (order ids, user names) no longer compare with each other, which made a
 * round quadratic in the range's distinct ids.
 */
function candidatesFor(index: ReadonlyMap<number, PositionIndex>, tokens: readonly string[]): readonly number[] {
  const positions = index.get(tokens.length);
  if (positions === undefined) return [];
  let best: readonly number[][] | undefined;
  let bestSize = Infinity;
  tokens.forEach((token, at) => {
    const lists = [positions[at].literal.get(token) ?? [], positions[at].variable];
    const size = lists[0].length + lists[1].length;
    if (size < bestSize) [best, bestSize] = [lists, size];
  });
  return best === undefined ? [] : best[1].length === 0 ? best[0] : [...best[0], ...best[1]];
}

function coversTokens(pattern: readonly string[], tokens: readonly string[]): boolean {
  if (pattern.length !== tokens.length) return false;
  for (let at = 0; at < pattern.length; at++) if (pattern[at] !== VARIABLE && pattern[at] !== tokens[at]) return false;
  return true;
}
