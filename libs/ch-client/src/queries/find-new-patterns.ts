/**
 * New-pattern alerts: patterns first stored since a time, among the events that match the filters.
 * A stored id whose template only differs from an older one where that one's events differ too
 * (a user name the masker keeps, say) joins the older pattern when grouped (groupPatterns, as the
 * Patterns view lists them): it is not new.
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { groupPatterns, VARIABLE } from '@logline/log-patterns';
import { DATABASE, PATTERNS_TABLE } from '@logline/log-schema';
import { dateTime64, type LogFilters } from '../sql/log-filters';
import { patternCountParts } from '../sql/pattern-counts';
import { selectRows } from '../sql/run-query';
import { bind, identifier, sql } from '../sql/sql';

const PATTERNS = identifier(`${DATABASE}.${PATTERNS_TABLE}`);
/** Ids first stored in one window that an evaluation considers; a flood of new ids is still news. */
const MAX_FRESH_IDS = 1_000;
/** Older templates of the same shape read to decide whether a fresh id joins one of them. */
const MAX_OLDER_TEMPLATES = 20_000;

export interface NewPattern {
  readonly patternId: string;
  readonly template: string;
}

interface CatalogueRow {
  pattern_id: string;
  template: string;
}

/** Patterns first stored at or after `sinceMs` with events matching `filters` (whose time range bounds the events read). */
export async function findNewPatterns(client: ClickHouseClient, filters: LogFilters, sinceMs: number): Promise<NewPattern[]> {
  const since = dateTime64(sinceMs);
  const fresh = await selectRows<CatalogueRow>(
    client,
    sql`SELECT pattern_id, any(template) AS template FROM ${PATTERNS}
        GROUP BY pattern_id HAVING min(first_stored) >= ${since}
        ORDER BY pattern_id LIMIT ${bind(MAX_FRESH_IDS, 'UInt32')}`,
  );
  if (fresh.length === 0) return [];
  const { parts } = patternCountParts(filters, { where: sql`pattern_id IN ${fresh.map((row) => row.pattern_id)}` });
  const matching = new Set((await selectRows<{ pattern_id: string }>(client, sql`SELECT DISTINCT pattern_id FROM (${parts})`)).map((row) => row.pattern_id));
  const candidates = fresh.filter((row) => matching.has(row.pattern_id));
  if (candidates.length === 0) return [];
  const older = await readOlderTemplates(client, candidates, since);
  const items = [...candidates, ...older].map((row) => ({ patternId: row.pattern_id, template: row.template, count: 1 }));
  const olderIds = new Set(older.map((row) => row.pattern_id));
  return groupPatterns(items)
    .filter((pattern) => pattern.members.every((member) => !olderIds.has(member.patternId)))
    .map((pattern) => ({ patternId: pattern.patternId, template: pattern.template }));
}

/**
 * Templates stored before `since` that a candidate could group with: the same number of tokens and
 * the same first token, or a variable there (in either: a candidate starting with one covers any).
 */
async function readOlderTemplates(client: ClickHouseClient, candidates: readonly CatalogueRow[], since: ReturnType<typeof dateTime64>): Promise<CatalogueRow[]> {
  const tokens = candidates.map((row) => row.template.split(' '));
  const anyFirst = tokens.filter((words) => words[0] === VARIABLE).map((words) => words.length);
  const shapes = tokens.flatMap((words) => [`${words.length} ${words[0]}`, `${words.length} ${VARIABLE}`]);
  return selectRows<CatalogueRow>(
    client,
    sql`SELECT pattern_id, any(template) AS template, splitByChar(' ', template) AS words FROM ${PATTERNS}
        GROUP BY pattern_id
        HAVING min(first_stored) < ${since}
           AND (length(words) IN ${bind([...new Set(anyFirst), 0], 'Array(UInt32)')}
                OR concat(toString(length(words)), ' ', words[1]) IN ${[...new Set(shapes)]})
        LIMIT ${bind(MAX_OLDER_TEMPLATES, 'UInt32')}`,
  );
}
