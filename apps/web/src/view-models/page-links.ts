// Links between pages of results. Every link keeps the filters; only the position changes.
import { toSearchParams, type LogFilters, type PagePosition } from '../filters/log-filters';

export interface Link {
  readonly href: string;
  readonly label: string;
}

export interface PageLinks {
  /** Further along in the chosen order (older, when newest first). */
  readonly next?: Link;
  /** Back towards the top of the results. */
  readonly previous?: Link;
  /** The top of the results, offered once the reader has paged away from it. */
  readonly first?: Link;
}

/** The logs page for `filters` at `position` (by default the top of the results). */
export function logsPageHref(filters: LogFilters, position: PagePosition = {}): string {
  return `/?${toSearchParams(filters, position).toString()}`;
}

/** Links from the page the api returned, using its next and previous cursors (null: none). */
export function pageLinks(filters: LogFilters, nextCursor: string | null, prevCursor: string | null): PageLinks {
  const newestFirst = filters.order === 'desc';
  const paged = filters.cursor !== undefined || filters.before !== undefined;
  return {
    next:
      nextCursor === null
        ? undefined
        : { href: logsPageHref(filters, { cursor: nextCursor }), label: newestFirst ? 'Older →' : 'Newer →' },
    previous:
      prevCursor === null
        ? undefined
        : { href: logsPageHref(filters, { before: prevCursor }), label: newestFirst ? '← Newer' : '← Older' },
    first: paged ? { href: logsPageHref(filters), label: newestFirst ? '⇤ Latest' : '⇤ Earliest' } : undefined,
  };
}
