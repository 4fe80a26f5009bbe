import { PayloadError } from '../candidate';
import { decodeBulk } from './bulk-body';
import { bulkResponse } from './bulk-response';

const body = (...lines: unknown[]) => Buffer.from(`${lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n')}\n`);

describe('Elasticsearch bulk decoding', () => {
  it('reads ECS fields nested or dotted, keeps the rest as dotted attributes, and names the index', () => {
    const { records, items } = decodeBulk(
      body(
        { create: { _index: 'filebeat-9.1.0', _id: 'doc-1' } },
        { '@timestamp': '2026-12-05T05:00:00Z', message: 'm', log: { level: 'error', file: { path: '/var/log/a' } }, host: { name: 'h1', hostname: 'h1.local' }, agent: { type: 'filebeat' } },
        { index: {} },
        { '@timestamp': '2026-12-05T05:00:00Z', message: 'm2', 'service.name': 'api', 'trace.id': 'abc', level: 'warn', 'log.level': 'debug', attributes: { k: 'v' } },
      ),
      'default-index',
    );
    expect(records.events.map((candidate) => candidate.event)).toEqual([
      { '@timestamp': '2026-12-05T05:00:00Z', message: 'm', log_level: 'error', 'log.file.path': '/var/log/a', host: 'h1', 'host.hostname': 'h1.local', 'agent.type': 'filebeat', source: 'filebeat-9.1.0', index: 'filebeat-9.1.0' },
      // The wire's own `level` wins over log.level, which stays an attribute.
      { '@timestamp': '2026-12-05T05:00:00Z', message: 'm2', source: 'api', trace_id: 'abc', level: 'warn', 'log.level': 'debug', attributes: { k: 'v' }, index: 'default-index' },
    ]);
    expect(items.map(({ action, index, id }) => [action, index, id.length > 0 ? (id === 'doc-1' ? id : 'generated') : ''])).toEqual([
      ['create', 'filebeat-9.1.0', 'doc-1'],
      ['index', 'default-index', 'generated'],
    ]);
  });

  it('answers update, delete and unparsable documents as failed items, in order, beside stored ones', () => {
    const { records, items } = decodeBulk(body({ delete: { _index: 'i', _id: '1' } }, { update: { _index: 'i', _id: '2' } }, { doc: {} }, { index: { _index: 'i' } }, '{broken', { index: { _index: 'i' } }, { message: 'ok' }), undefined);
    expect(records.events.map((candidate) => candidate.position)).toEqual([1]);
    const answer = bulkResponse(items, new Map(), 3) as { errors: boolean; items: Record<string, { status: number; error?: { type: string } }>[] };
    expect(answer.errors).toBe(true);
    expect(answer.items.map((item) => Object.entries(item).map(([action, result]) => [action, result.status, result.error?.type])[0])).toEqual([
      ['delete', 400, 'illegal_argument_exception'],
      ['update', 400, 'illegal_argument_exception'],
      ['index', 400, 'document_parsing_exception'],
      ['index', 201, undefined],
    ]);
  });

  it('reports an item refused by the event rules with its reason', () => {
    const { items } = decodeBulk(body({ index: { _index: 'i' } }, { message: 'no time' }), undefined);
    const answer = bulkResponse(items, new Map([[1, 'line 2: missing timestamp']]), 1) as { items: Record<string, { status: number; error: { reason: string } }>[] };
    expect(answer.items[0].index).toMatchObject({ status: 400, error: { reason: 'line 2: missing timestamp' } });
  });

  it.each([
    ['a malformed action line', body('nope', {})],
    ['an unknown action', body({ upsert: { _index: 'i' } }, {})],
    ['an action with no document line', body({ index: { _index: 'i' } })],
    ['an action naming no index on /_bulk', body({ index: {} }, {})],
    ['an empty body', Buffer.from('\n')],
  ])('refuses %s as a whole request', (_case, payload) => {
    expect(() => decodeBulk(payload, undefined)).toThrow(PayloadError);
  });
});
