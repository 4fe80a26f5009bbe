/**
 * Filters by pattern. An id names a template: a stored pattern's (logs.patterns) or a pattern the
 * api listed by merging stored ones (logs.pattern_groups). The events of a pattern are those whose
 * stored template it covers (same tokens, or `<*>` in the pattern): for a listed pattern, exactly
 * the events it counted (see groupPatterns), while every row keeps its own stored id.
 */
import { renderCoversSql } from '@logline/log-patterns';
import { DATABASE, PATTERN_GROUPS_TABLE, PATTERNS_TABLE } from '@logline/log-schema';
import { generatedSql, identifier, sql, type SqlFragment } from './sql';

const PATTERNS = identifier(`${DATABASE}.${PATTERNS_TABLE}`);
const GROUPS = identifier(`${DATABASE}.${PATTERN_GROUPS_TABLE}`);
const COVERS = generatedSql(renderCoversSql('pattern', 'template'));

/** The templates the ids name. */
export function templatesOf(ids: readonly string[]): SqlFragment {
  return sql`SELECT template FROM ${GROUPS} WHERE pattern_id IN ${ids}
             UNION ALL SELECT template FROM ${PATTERNS} WHERE pattern_id IN ${ids}`;
}

/** The stored ids whose templates one of `templates` (a subquery of templates) covers. */
export function idsCoveredBy(templates: SqlFragment): SqlFragment {
  return sql`SELECT pattern_id FROM ${PATTERNS}
             WHERE arrayExists(pattern -> ${COVERS}, (SELECT groupUniqArray(template) FROM (${templates})))`;
}

/** Events of any of the patterns `ids` (an id no table knows still matches its own events). */
export function patternCondition(ids: readonly string[]): SqlFragment {
  return sql`(pattern_id IN (${idsCoveredBy(templatesOf(ids))}) OR pattern_id IN ${ids})`;
}
