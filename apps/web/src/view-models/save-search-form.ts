// The explorer's "save this search" form: a name, and the current view it saves.
import { toSavedView } from '../filters/saved-view';
import type { LogFilters } from '../filters/log-filters';

export interface SaveSearchForm {
  /** The view as JSON, carried in a hidden field so the saved view is exactly the one on screen. */
  readonly view: string;
}

export function buildSaveSearchForm(filters: LogFilters): SaveSearchForm {
  return { view: JSON.stringify(toSavedView(filters)) };
}
