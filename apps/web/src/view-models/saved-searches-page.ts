// The saved searches page: every saved search with who saved it and when, to open, rename or delete.
import type { SavedSearch, SavedView } from '@logline/api-contract';
import { savedViewHref } from '../filters/saved-view';
import { describeTimeRange, formatUtc } from './format-time';

export interface SavedSearchRow {
  readonly id: string;
  readonly name: string;
  readonly openHref: string;
  /** The search and filters in words: `level:error · source payment · Last 1 hour`. */
  readonly description: string;
  readonly savedBy: string;
  readonly savedAt: string;
  readonly renameAction: string;
  readonly deleteAction: string;
  readonly highlighted: boolean;
}

export interface SavedSearchesPageView {
  readonly title: string;
  readonly searches: readonly SavedSearchRow[];
  /** Why the last change was refused, in the api's words. */
  readonly problem?: string;
}

export function buildSavedSearchesPage(searches: readonly SavedSearch[], options: { problem?: string; highlightId?: string } = {}): SavedSearchesPageView {
  return {
    title: 'Saved searches',
    searches: searches.map((search) => ({
      id: search.id,
      name: search.name,
      openHref: savedViewHref(search.view),
      description: describeView(search.view),
      savedBy: search.saved_by,
      savedAt: formatUtc(search.saved_at).slice(0, 16),
      renameAction: `/saved-searches/${encodeURIComponent(search.id)}/rename`,
      deleteAction: `/saved-searches/${encodeURIComponent(search.id)}/delete`,
      highlighted: search.id === options.highlightId,
    })),
    problem: options.problem,
  };
}

function describeView(view: SavedView): string {
  const parts = [
    view.q,
    view.level?.length ? `level ${view.level.join(', ')}` : undefined,
    view.source?.length ? `source ${view.source.join(', ')}` : undefined,
    view.producer_id?.length ? `producer ${view.producer_id.join(', ')}` : undefined,
    describeTimeRange(view.from, view.to),
  ];
  return parts.filter((part) => part !== undefined && part !== '').join(' · ');
}
