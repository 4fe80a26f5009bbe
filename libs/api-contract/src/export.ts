/** GET /api/v1/export: every event matching the filters, streamed as NDJSON or CSV. */
import { Type } from 'typebox';
import { FilterParams, SortOrderParam } from './filters';

export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportQuery = Type.Object({
  ...FilterParams,
  format: Type.Enum([...EXPORT_FORMATS], { default: 'ndjson' }),
  order: SortOrderParam,
});
