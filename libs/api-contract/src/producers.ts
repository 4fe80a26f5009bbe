/** GET /api/v1/producers/{producer_id}: what is stored for one producer (count and seq range). */
import { Type, type Static } from 'typebox';

export const ProducerParams = Type.Object({ producer_id: Type.String({ minLength: 1, maxLength: 256 }) });

export const ProducerStats = Type.Object({
  producer_id: Type.String(),
  stored: Type.Integer(),
  distinct_seq: Type.Integer(),
  min_seq: Type.Union([Type.Integer(), Type.Null()]),
  max_seq: Type.Union([Type.Integer(), Type.Null()]),
  first_timestamp: Type.Union([Type.String(), Type.Null()]),
  last_timestamp: Type.Union([Type.String(), Type.Null()]),
});

export type ProducerStats = Static<typeof ProducerStats>;
