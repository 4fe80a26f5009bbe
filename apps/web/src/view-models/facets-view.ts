// Shapes the api's facets into sidebar lists whose entries add their value as a filter.
import type { Facets } from '@logline/api-contract';
import type { LogFilters } from '../filters/log-filters';
import { levelBadgeClass } from './log-row';
import { logsPageHref } from './page-links';

export interface FacetEntryView {
  readonly value: string;
  readonly count: string;
  readonly href: string;
  readonly active: boolean;
  readonly badgeClass?: string;
}

export interface FacetView {
  readonly name: string;
  readonly title: string;
  readonly entries: readonly FacetEntryView[];
  readonly moreHref?: string;
}

const TITLES: Record<string, string> = { level: 'Level', source: 'Source', host: 'Host' };

/** Filters narrowed to one more value of a field; fields other than level and source narrow through the search syntax. */
export function withFacetValue(filters: LogFilters, facet: string, value: string): LogFilters {
  if (facet === 'level') return { ...filters, levels: [...new Set([...filters.levels, value])] as LogFilters['levels'] };
  if (facet === 'source') return { ...filters, sources: [...new Set([...filters.sources, value])] };
  const term = `${facet}:"${value.replace(/["\\]/g, '\\$&')}"`;
  return { ...filters, q: filters.q ? `${filters.q} ${term}` : term };
}

function isActive(filters: LogFilters, facet: string, value: string): boolean {
  if (facet === 'level') return (filters.levels as readonly string[]).includes(value);
  if (facet === 'source') return filters.sources.includes(value);
  return false;
}

export function buildFacetViews(response: Facets, filters: LogFilters, limit: number): FacetView[] {
  return ['level', 'source', 'host']
    .filter((name) => response.facets[name])
    .map((name) => {
      const facet = response.facets[name];
      return {
        name,
        title: TITLES[name],
        entries: facet.values.map((entry) => ({
          value: entry.value === '' ? '(none)' : entry.value,
          count: entry.count.toLocaleString('en-US'),
          href: logsPageHref(withFacetValue(filters, name, entry.value)),
          active: isActive(filters, name, entry.value),
          badgeClass: name === 'level' ? levelBadgeClass(entry.value) : undefined,
        })),
        moreHref: facet.has_more ? `${logsPageHref(filters)}&facets=${Math.min(200, limit * 4)}` : undefined,
      };
    });
}
