/**
 * `pattern` in a stats query (`by pattern`, `count_distinct(pattern)`): the patterns the Patterns
 * view lists for the same filters and range (groupStoredPatterns), so a row's count is the count
 * that view shows and a filter by the row's id (pattern_id=, `pattern:`) selects its events.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { ListedPattern } from '@logline/log-patterns';
import { PATTERN_FIELD, type StatsSpec } from '@logline/search-syntax';
import type { PatternGroupsWriter } from '../insert/save-pattern-groups';
import type { LogFilters } from '../sql/log-filters';
import type { SqlFragment } from '../sql/sql';
import { listedPatternSql } from '../sql/stats-expressions';
import { groupStoredPatterns, readTemplates, type StoredIdCount } from './group-stored-patterns';

export interface StatsPatterns {
  /** Each event's listed pattern id, as SQL. */
  readonly column: SqlFragment;
  /** The template of each of these listed ids, after saving the merged ones so their ids filter on every replica. */
  describe(ids: readonly string[]): Promise<Record<string, string>>;
}

export function statsUsePattern(stats: StatsSpec): boolean {
  return stats.by.includes(PATTERN_FIELD) || stats.aggregations.some((aggregation) => aggregation.fn === 'count_distinct' && aggregation.field === PATTERN_FIELD);
}

export async function resolveStatsPatterns(
  client: ClickHouseClient,
  saveGroups: PatternGroupsWriter,
  filters: LogFilters,
  expiringBeforeMs: number | undefined,
): Promise<StatsPatterns> {
  const { listed } = await groupStoredPatterns(client, filters, expiringBeforeMs);
  const members = listed.flatMap((pattern) => pattern.members.map((member) => ({ storedId: member.patternId, listedId: pattern.patternId })));
  const byId = new Map<string, ListedPattern<StoredIdCount>>(listed.map((pattern) => [pattern.patternId, pattern]));
  return {
    column: listedPatternSql(
      members.map((member) => member.storedId),
      members.map((member) => member.listedId),
    ),
    async describe(ids) {
      const shown = ids.flatMap((id) => byId.get(id) ?? []);
      await saveGroups(shown.filter((pattern) => pattern.members.length > 1));
      // Ids past the grouping's bound (MAX_STORED_IDS) stand for themselves: the catalogue has their template.
      const catalogued = await readTemplates(client, ids.filter((id) => !byId.has(id)));
      return Object.fromEntries(ids.map((id) => [id, byId.get(id)?.template ?? catalogued.get(id) ?? id]));
    },
  };
}
