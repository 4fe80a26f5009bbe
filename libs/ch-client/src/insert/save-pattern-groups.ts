/**
 * Saves the templates of merged patterns (logs.pattern_groups) so their ids work as filters on
 * every replica. Each replica listing the same pattern writes the same row (the table keeps one);
 * ids this process has saved are not written again.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { DATABASE, PATTERN_GROUPS_TABLE } from '@logline/log-schema';
import { insertLines } from './insert-lines';

const INSERT_GROUPS = `INSERT INTO ${DATABASE}.${PATTERN_GROUPS_TABLE} (pattern_id, template) FORMAT JSONEachRow`;

/** Ids remembered as saved; past this the memory starts over (a repeated row costs one small insert). */
const REMEMBERED_IDS = 10_000;

export type PatternGroupsWriter = (patterns: readonly { patternId: string; template: string }[]) => Promise<void>;

export function createPatternGroupsWriter(client: ClickHouseClient): PatternGroupsWriter {
  const saved = new Set<string>();
  return async (patterns) => {
    const fresh = patterns.filter((pattern) => !saved.has(pattern.patternId));
    if (fresh.length === 0) return;
    await insertLines(client, INSERT_GROUPS, fresh.map((pattern) => JSON.stringify({ pattern_id: pattern.patternId, template: pattern.template })));
    if (saved.size + fresh.length > REMEMBERED_IDS) saved.clear();
    for (const pattern of fresh) saved.add(pattern.patternId);
  };
}
