// Shapes the api's patterns for the Patterns view: templates with their variables marked, counts,
// shares, sparklines, and links that filter the explorer to a pattern or hide it here.
import type { PatternRow, Patterns } from '@logline/api-contract';
import { VARIABLE } from '@logline/log-patterns';
import { toSearchParams, type LogFilters } from '../filters/log-filters';
import { buildFilterForm, type FilterForm } from './filter-form';
import { formatUtc } from './format-time';
import { logsPageHref } from './page-links';
import { buildSparkline, type Sparkline } from './sparkline';

export interface TemplatePart {
  readonly text: string;
  /** A masked variable (shown highlighted) rather than text every event of the pattern has. */
  readonly variable: boolean;
}

export interface PatternRowView {
  readonly id: string;
  readonly parts: readonly TemplatePart[];
  readonly count: string;
  readonly share: string;
  readonly sparkline: Sparkline;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly sample: string;
  /** The explorer showing this pattern's events. */
  readonly filterHref: string;
  /** This view with the pattern hidden. */
  readonly hideHref: string;
}

export interface PatternsPageView {
  readonly title: string;
  readonly form: FilterForm;
  readonly summary: string;
  readonly rangeText: string;
  /** The explorer with the same filters. */
  readonly explorerHref: string;
  /** Patterns hidden by the filters, and this view with none hidden. */
  readonly hidden?: { readonly text: string; readonly showAllHref: string };
  /** Said when the range held more distinct templates than the api groups. */
  readonly incompleteNote?: string;
  readonly rows: readonly PatternRowView[];
}

/** This view for `filters`. */
export function patternsPageHref(filters: LogFilters): string {
  const params = toSearchParams(filters, {});
  params.delete('limit');
  params.delete('order');
  params.delete('sort');
  return `/patterns?${params.toString()}`;
}

/** A template cut at its variables (`<*>`). */
export function splitTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  template.split(VARIABLE).forEach((text, index) => {
    if (index > 0) parts.push({ text: VARIABLE, variable: true });
    if (text !== '') parts.push({ text, variable: false });
  });
  return parts;
}

export function buildPatternsPage(filters: LogFilters, answer: Patterns): PatternsPageView {
  const hiddenCount = filters.excludedPatternIds.length;
  const count = (value: number, noun: string) => `${value.toLocaleString('en-US')} ${noun}${value === 1 ? '' : 's'}`;
  return {
    title: 'Patterns',
    form: buildFilterForm(filters, '/patterns'),
    summary: `${count(answer.total, 'event')} · ${count(answer.patterns.length, 'pattern')} shown`,
    rangeText: `${formatUtc(answer.from)} – ${formatUtc(answer.to)} UTC`,
    explorerHref: logsPageHref(filters),
    hidden:
      hiddenCount === 0
        ? undefined
        : { text: `${count(hiddenCount, 'pattern')} hidden`, showAllHref: patternsPageHref({ ...filters, excludedPatternIds: [] }) },
    incompleteNote: answer.complete ? undefined : 'The range holds more distinct messages than are grouped at once: only the busiest are listed.',
    rows: answer.patterns.map((pattern) => toPatternRow(filters, pattern)),
  };
}

function toPatternRow(filters: LogFilters, pattern: PatternRow): PatternRowView {
  return {
    id: pattern.pattern_id,
    parts: splitTemplate(pattern.template),
    count: pattern.count.toLocaleString('en-US'),
    share: `${(pattern.share * 100).toFixed(1)}%`,
    sparkline: buildSparkline(pattern.sparkline),
    firstSeen: formatUtc(pattern.first_seen),
    lastSeen: formatUtc(pattern.last_seen),
    sample: pattern.sample,
    filterHref: logsPageHref({ ...filters, patternIds: [pattern.pattern_id], excludedPatternIds: [], cursor: undefined, before: undefined, live: false }),
    hideHref: patternsPageHref({
      ...filters,
      patternIds: filters.patternIds.filter((id) => id !== pattern.pattern_id),
      excludedPatternIds: [...filters.excludedPatternIds, pattern.pattern_id],
    }),
  };
}
