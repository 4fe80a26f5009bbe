/** GET /api/v1/histogram: event counts per time bucket, stacked by level. */
import { Type, type Static } from 'typebox';
import { LOG_LEVELS } from '@logline/log-schema';
import { FilterParams } from './filters';

export const HistogramQuery = Type.Object({
  ...FilterParams,
  buckets: Type.Integer({ minimum: 10, maximum: 500, default: 120, description: 'At most this many bars.' }),
});

const LevelCounts = Type.Object(Object.fromEntries(LOG_LEVELS.map((level) => [level, Type.Integer()])));

export const Histogram = Type.Object({
  from: Type.String(),
  to: Type.String(),
  bucket_seconds: Type.Integer(),
  served_by: Type.Union([Type.Literal('rollup'), Type.Literal('raw')]),
  buckets: Type.Array(Type.Object({ start: Type.String(), end: Type.String(), total: Type.Integer(), counts: LevelCounts })),
});

export type Histogram = Static<typeof Histogram>;
