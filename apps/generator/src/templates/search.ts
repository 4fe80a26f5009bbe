/** Messages of the `search` service: queries, hit counts, slow queries, index health. */
import type { SourceTemplates } from './template';
import { latencyMs, slowLatencyMs, userId } from './vocabulary';

const TERMS = [
  'running shoes', 'usb-c cable', 'coffee grinder', 'winter jacket', 'standing desk',
  'noise cancelling headphones', 'yoga mat', 'mechanical keyboard', 'water bottle', 'tent',
] as const;
const INDEXES = ['products', 'articles', 'users'] as const;

export const SEARCH_TEMPLATES: SourceTemplates = {
  DEBUG: [
    (r) => {
      const shard = String(r.int(0, 11));
      return { message: `Query fan-out to shard ${shard}`, attributes: { shard, index: r.pick(INDEXES) } };
    },
  ],
  INFO: [
    (r) => {
      const [term, hits, latency] = [r.pick(TERMS), String(r.int(0, 4_000)), String(latencyMs(r, 25))];
      return {
        message: `Query "${term}" returned ${hits} hits in ${latency} ms`,
        attributes: { query: term, hits, latency_ms: latency, user_id: userId(r), status: '200' },
      };
    },
    (r) => {
      const [index, docs] = [r.pick(INDEXES), String(r.int(10, 5_000))];
      return { message: `Indexed ${docs} documents into ${index}`, attributes: { index, documents: docs } };
    },
  ],
  WARNING: [
    (r) => {
      const [term, latency] = [r.pick(TERMS), String(slowLatencyMs(r, 500))];
      return {
        message: `Slow query "${term}" took ${latency} ms`,
        attributes: { query: term, latency_ms: latency, status: '200' },
      };
    },
    (r) => {
      const term = r.pick(TERMS);
      return { message: `Query "${term}" matched nothing; suggesting spelling fixes`, attributes: { query: term, hits: '0' } };
    },
  ],
  ERROR: [
    (r) => {
      const [shard, latency] = [String(r.int(0, 11)), String(slowLatencyMs(r, 3_000))];
      return {
        message: `Shard ${shard} timed out after ${latency} ms; returning partial results`,
        attributes: { shard, latency_ms: latency, status: '206' },
      };
    },
  ],
  CRITICAL: [
    (r) => {
      const index = r.pick(INDEXES);
      return { message: `Index ${index} is read-only: disk usage above 95%`, attributes: { index, status: '503' } };
    },
  ],
};
