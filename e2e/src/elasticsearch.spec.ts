/**
 * The Elasticsearch bulk API driven by the official client's bulk helper (@elastic/elasticsearch),
 * unmodified, in an application process of its own: the client accepts Logline as Elasticsearch
 * (x-elastic-product, GET /), ECS documents nested or dotted are stored field by field, and a
 * document the rules refuse comes back as a failed item (status 400) that the helper drops, while
 * the others are stored.
 */
import { runClient } from './support/clients';
import { startProtocolApi, type ProtocolApi } from './support/protocol-api';

interface BulkRun {
  version: string;
  tagline: string;
  stats: { total: number; successful: number; failed: number };
  dropped: { status: number; type: string; reason: string; document: Record<string, unknown> }[];
}

describe('Elasticsearch bulk from the official client', () => {
  let api: ProtocolApi;
  beforeAll(async () => {
    api = await startProtocolApi();
  });
  afterAll(() => api?.stop());

  it('stores ECS documents (nested and dotted) field by field, and drops the refused one as a 400 item', async () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 3000).toISOString();
    const documents = [
      { '@timestamp': at, message: 'disk almost full', log: { level: 'warn', logger: 'storage' }, service: { name: 'db', version: '16.2' }, host: { name: 'db-1', os: { name: 'debian' } }, trace: { id: '4BF92F3577B34DA6A3CE929D0E0E4736' }, span: { id: '00f067aa0ba902b7' } },
      { '@timestamp': at, message: 'vacuum done', 'log.level': 'info', 'service.name': 'db', 'host.name': 'db-2', tags: ['nightly', 'maintenance'] },
      { '@timestamp': at, message: 'no service named' },
      { '@timestamp': 'last tuesday', message: 'bad time', 'service.name': 'db' },
    ];
    const run = await runClient('es-bulk.mjs', { url: api.url, index: 'logs-db', action: 'create', documents });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as BulkRun;
    expect(report).toMatchObject({ version: expect.stringMatching(/^8\./), tagline: 'You Know, for Search', stats: { total: 4, successful: 3, failed: 1 } });
    expect(report.dropped).toEqual([
      { status: 400, type: 'document_parsing_exception', reason: expect.stringContaining("timestamp 'last tuesday' is not an RFC 3339 date-time"), document: documents[3] },
    ]);

    const rows = await api.waitForRows(`from=${encodeURIComponent(at)}&to=${encodeURIComponent(new Date(Date.parse(at) + 1).toISOString())}`, 3);
    const byMessage = Object.fromEntries(rows.map(({ message, log_level, source, host, attributes, trace_id, span_id }) => [message, { log_level, source, host, attributes, trace_id, span_id }]));
    expect(byMessage).toEqual({
      'disk almost full': {
        log_level: 'WARNING',
        source: 'db',
        host: 'db-1',
        attributes: { 'log.logger': 'storage', 'service.version': '16.2', 'host.os.name': 'debian', index: 'logs-db' },
        trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
        span_id: '00f067aa0ba902b7',
      },
      'vacuum done': { log_level: 'INFO', source: 'db', host: 'db-2', attributes: { tags: '["nightly","maintenance"]', index: 'logs-db' }, trace_id: '', span_id: '' },
      // No service named: the index names the source, as Fluent Bit's and Filebeat's indices do.
      'no service named': { log_level: 'INFO', source: 'logs-db', host: '', attributes: { index: 'logs-db' }, trace_id: '', span_id: '' },
    });
    const letters = await api.waitForDeadLetters('elasticsearch', 1);
    expect(letters[0]).toMatchObject({ line: 4, code: 'invalid_value' });
  });

  it('answers a malformed action line in Elasticsearch error form, with x-elastic-product', async () => {
    const response = await fetch(`${api.url}/_bulk`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: 'not json\n{}\n' });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-elastic-product')).toBe('Elasticsearch');
    expect(await response.json()).toMatchObject({ status: 400, error: { type: 'illegal_argument_exception', reason: expect.stringContaining('Malformed action/metadata line [1]') } });
  });

  it('answers update and delete actions as failed items, storing the index actions beside them', async () => {
    const at = new Date().toISOString();
    const body = [
      { delete: { _index: 'x', _id: '1' } },
      { update: { _index: 'x', _id: '2' } },
      { doc: { message: 'changed' } },
      { index: { _id: 'mine' } },
      { '@timestamp': at, message: 'kept by index action', 'service.name': 'mixed' },
    ].map((line) => JSON.stringify(line)).join('\n');
    const response = await fetch(`${api.url}/x/_bulk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `${body}\n` });
    const answer = (await response.json()) as { errors: boolean; items: Record<string, { status: number; _id: string }>[] };
    expect(answer.errors).toBe(true);
    expect(answer.items.map((item) => Object.entries(item).map(([action, result]) => [action, result.status, result._id])[0])).toEqual([
      ['delete', 400, '1'],
      ['update', 400, '2'],
      ['index', 201, 'mine'],
    ]);
    expect((await api.rows('source=mixed')).map((row) => row.attributes.index)).toEqual(['x']);
  });
});
