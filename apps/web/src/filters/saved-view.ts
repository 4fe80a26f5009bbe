// The explorer's filters as a saved search's view, and a saved view back as an explorer address.
import type { SavedView } from '@logline/api-contract';
import type { LogFilters } from './log-filters';

export function toSavedView(filters: LogFilters): SavedView {
  const view: SavedView = { sort: filters.sort, order: filters.order };
  if (filters.q !== undefined) view.q = filters.q;
  if (filters.levels.length > 0) view.level = [...filters.levels];
  if (filters.sources.length > 0) view.source = [...filters.sources];
  if (filters.producerIds.length > 0) view.producer_id = [...filters.producerIds];
  if (filters.from !== undefined) view.from = filters.from;
  if (filters.to !== undefined) view.to = filters.to;
  return view;
}

/** The explorer showing a saved view (its time range as saved: `1h` stays the last hour). */
export function savedViewHref(view: SavedView): string {
  const params = new URLSearchParams();
  for (const level of view.level ?? []) params.append('level', level);
  for (const source of view.source ?? []) params.append('source', source);
  for (const producerId of view.producer_id ?? []) params.append('producer_id', producerId);
  if (view.q !== undefined) params.set('q', view.q);
  if (view.from !== undefined) params.set('from', view.from);
  if (view.to !== undefined) params.set('to', view.to);
  if (view.sort !== undefined && view.sort !== 'time') params.set('sort', view.sort);
  if (view.order !== undefined) params.set('order', view.order);
  return `/?${params.toString()}`;
}
