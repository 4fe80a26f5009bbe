/** Elasticsearch's answers as clients, Beats and Fluent Bit read them. */
import type { BulkItem } from './bulk-body';

/** The Elasticsearch version the root endpoint reports: 8.x, the line today's shippers expect. */
const REPORTED_VERSION = '8.17.0';

/** The body of `GET /`, which clients and Beats read to learn what they talk to. */
export function clusterInfo(): Record<string, unknown> {
  return {
    name: 'logline',
    cluster_name: 'logline',
    cluster_uuid: 'logline',
    version: {
      number: REPORTED_VERSION,
      build_flavor: 'default',
      build_type: 'logline',
      lucene_version: '9.12.0',
      minimum_wire_compatibility_version: '7.17.0',
      minimum_index_compatibility_version: '7.0.0',
    },
    tagline: 'You Know, for Search',
  };
}

/** `refusals`: why each refused position was refused. */
export function bulkResponse(items: readonly BulkItem[], refusals: ReadonlyMap<number, string>, tookMs: number): Record<string, unknown> {
  let errors = false;
  let seqNo = 0;
  const answered = items.map((item) => {
    const failure = 'error' in item.outcome ? item.outcome : refusalOf(refusals, item.outcome.position);
    const base = { _index: item.index, _id: item.id };
    if (failure) {
      errors = true;
      return { [item.action]: { ...base, status: 400, error: { type: failure.type, reason: failure.error } } };
    }
    const shards = { total: 1, successful: 1, failed: 0 };
    return { [item.action]: { ...base, _version: 1, result: 'created', _shards: shards, _seq_no: seqNo++, _primary_term: 1, status: 201 } };
  });
  return { took: tookMs, errors, items: answered };
}

function refusalOf(refusals: ReadonlyMap<number, string>, position: number) {
  const reason = refusals.get(position);
  return reason === undefined ? undefined : { type: 'document_parsing_exception', error: reason };
}

/** Elasticsearch's error body for a refused request. */
export function errorResponse(status: number, type: string, reason: string): Record<string, unknown> {
  return { error: { root_cause: [{ type, reason }], type, reason }, status };
}
