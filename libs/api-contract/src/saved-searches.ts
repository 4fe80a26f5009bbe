/** /api/v1/saved-searches: named views of the explorer, shared by every user and replica. */
import { Type, type Static } from 'typebox';
import { FilterParams } from './filters';
import { SORT_KEYS } from './logs';

/** A name people read and alert rules refer to: no blanks at either end, no control characters. */
export const SavedSearchName = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\s\\p{Cc}](?:[^\\p{Cc}]*[^\\s\\p{Cc}])?$', description: 'Unique among saved searches; case matters.' });

/** What the explorer shows: the search (which may end in a stats command), filters, range, columns and sort. */
export const SavedView = Type.Object(
  {
    q: FilterParams.q,
    level: FilterParams.level,
    source: FilterParams.source,
    producer_id: FilterParams.producer_id,
    from: FilterParams.from,
    to: FilterParams.to,
    columns: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { maxItems: 30, description: 'Fields shown as columns, in order.' })),
    sort: Type.Optional(Type.Enum([...SORT_KEYS])),
    order: Type.Optional(Type.Enum(['desc', 'asc'])),
  },
  { additionalProperties: false },
);

export const SavedSearchParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'The id the api gave the search.' }) });

export const SavedSearchesQuery = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 100, description: 'Only the search with exactly this name.' })),
});

export const CreateSavedSearch = Type.Object(
  {
    name: SavedSearchName,
    view: SavedView,
  },
  { additionalProperties: false },
);

export const RenameSavedSearch = Type.Object({ name: SavedSearchName }, { additionalProperties: false });

export const SavedSearch = Type.Object({
  id: Type.String(),
  name: Type.String(),
  view: SavedView,
  saved_by: Type.String({ description: "Who saved it: the user the caller relays (the web app's signed-in user), else the caller's token name, else 'anonymous'." }),
  saved_at: Type.String({ description: 'When it was first saved, ISO 8601 UTC.' }),
  updated_at: Type.String({ description: 'When it was last saved or renamed.' }),
});

export const SavedSearchList = Type.Object({ saved_searches: Type.Array(SavedSearch, { description: 'By name, case-insensitively.' }) });

export type SavedView = Static<typeof SavedView>;
export type SavedSearch = Static<typeof SavedSearch>;
export type SavedSearchList = Static<typeof SavedSearchList>;
