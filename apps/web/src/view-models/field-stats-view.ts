// Shapes one field's statistics for the explorer's field panel, and lists the fields it offers.
import type { FieldStats } from '@logline/api-contract';
import type { StoredLog } from '@logline/log-schema';
import { PATTERN_FIELD } from '@logline/search-syntax';
import { toSearchParams, type LogFilters } from '../filters/log-filters';
import { withFacetValue } from './facets-view';
import { logsPageHref } from './page-links';
import { splitTemplate, type TemplatePart } from './patterns-page';
import { formatValue } from './stats-view';

/** The columns every event has that are worth counting, and its pattern, before the attributes seen on the page. */
const COLUMN_FIELDS = ['level', 'source', 'host', 'producer_id', PATTERN_FIELD];
/** Attribute names offered at most (the page's rows may carry many). */
const MAX_ATTRIBUTE_FIELDS = 40;

export interface FieldLink {
  readonly name: string;
  readonly href: string;
  readonly active: boolean;
}

export interface FieldStatsView {
  readonly field: string;
  readonly summary: string;
  /** `parts`: a pattern's template, shown in place of its id. */
  readonly top: readonly { value: string; parts?: readonly TemplatePart[]; count: string; share: string; href?: string }[];
  readonly more: boolean;
  readonly numbers?: readonly { label: string; value: string }[];
  readonly closeHref: string;
}

/** The fields to click: the columns, then the attribute names of the rows on the page, sorted. */
export function listFieldLinks(filters: LogFilters, rows: readonly StoredLog[], current?: string): FieldLink[] {
  const attributes = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row.attributes ?? {})) attributes.add(`attributes.${name}`);
  const names = [...COLUMN_FIELDS, ...[...attributes].sort().slice(0, MAX_ATTRIBUTE_FIELDS)];
  return names.map((name) => ({ name, href: fieldStatsHref(filters, name), active: name === current }));
}

export function fieldStatsHref(filters: LogFilters, field: string): string {
  const params = toSearchParams(filters, {});
  params.set('field', field);
  return `/?${params.toString()}#field-stats`;
}

export function buildFieldStatsView(stats: FieldStats, filters: LogFilters): FieldStatsView {
  const share = (count: number) => (stats.events === 0 ? '' : `${((count / stats.events) * 100).toFixed(1)}%`);
  const numbers = stats.numbers;
  return {
    field: stats.field,
    summary: `${formatValue(stats.events)} events · ${formatValue(stats.distinct)} distinct ${stats.distinct === 1 ? 'value' : 'values'}`,
    top: stats.top.map(({ value, count }) => ({
      value: value === '' ? '(none)' : value,
      parts: stats.pattern_templates?.[value] === undefined ? undefined : splitTemplate(stats.pattern_templates[value]),
      count: formatValue(count),
      share: share(count),
      // Events without the attribute cannot be searched for by value.
      href: value === '' ? undefined : logsPageHref(withFacetValue(filters, stats.field, value)),
    })),
    more: stats.has_more,
    numbers: numbers
      ? (['min', 'p50', 'avg', 'p90', 'p99', 'max'] as const).map((label) => ({ label, value: formatValue(numbers[label]) }))
      : undefined,
    closeHref: logsPageHref(filters),
  };
}
