/** A stored saved search in the wire shape. */
import type { SavedSearch, SavedView } from '@logline/api-contract';
import type { SavedSearchRecord } from '@logline/ch-client';

export function toSavedSearch(record: SavedSearchRecord): SavedSearch {
  return {
    id: record.id,
    name: record.name,
    // Written by this api from a checked view.
    view: JSON.parse(record.view) as SavedView,
    saved_by: record.savedBy,
    saved_at: new Date(record.savedAtMs).toISOString(),
    updated_at: new Date(record.updatedAtMs).toISOString(),
  };
}
