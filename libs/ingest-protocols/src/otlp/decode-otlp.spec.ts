import { PayloadError } from '../candidate';
import { decodeOtlpJson, decodeOtlpProtobuf } from './decode-otlp';
import { ExportLogsServiceRequest } from './otlp-proto';

const NOW_NS = '1796446800123456789';
const AT = '2026-12-05T05:00:00.123Z';

const request = (records: unknown[], resource: unknown[] = [{ key: 'service.name', value: { stringValue: 'checkout' } }]) => ({
  resourceLogs: [{ resource: { attributes: resource }, scopeLogs: [{ scope: { name: 'lib', version: '2' }, logRecords: records }] }],
});
const RECEIVED_MS = Date.parse('2026-12-05T05:01:00.000Z');
const json = (value: unknown) => decodeOtlpJson(Buffer.from(JSON.stringify(value)), RECEIVED_MS);

describe('OTLP logs decoding', () => {
  it.each([
    [1, 'DEBUG'], [4, 'DEBUG'], [5, 'DEBUG'], [8, 'DEBUG'], [9, 'INFO'], [12, 'INFO'],
    [13, 'WARNING'], [16, 'WARNING'], [17, 'ERROR'], [20, 'ERROR'], [21, 'CRITICAL'], [24, 'CRITICAL'],
  ])('maps severityNumber %i to %s', (severityNumber, level) => {
    expect(json(request([{ timeUnixNano: NOW_NS, severityNumber, severityText: 'ignored' }])).events[0].event['log_level']).toBe(level);
  });

  it('reads severityText when severityNumber is unset, and INFO when neither is', () => {
    const { events } = json(request([{ timeUnixNano: NOW_NS, severityText: 'Warn' }, { timeUnixNano: NOW_NS }]));
    expect(events.map((candidate) => candidate.event['log_level'])).toEqual(['Warn', 'INFO']);
  });

  it('maps a record field by field, record attributes winning over scope and resource ones', () => {
    const resource = [
      { key: 'service.name', value: { stringValue: 'checkout' } },
      { key: 'host.name', value: { stringValue: 'web-1' } },
      { key: 'region', value: { stringValue: 'eu' } },
      { key: 'shadowed', value: { stringValue: 'resource' } },
    ];
    const record = {
      timeUnixNano: NOW_NS,
      severityNumber: 17,
      body: { kvlistValue: { values: [{ key: 'b', value: { intValue: '9007199254740993' } }, { key: 'a', value: { arrayValue: { values: [{ boolValue: true }, { doubleValue: 0.5 }] } } }] } },
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      attributes: [{ key: 'shadowed', value: { stringValue: 'record' } }, { key: 'count', value: { intValue: 3 } }, { key: 'big', value: { intValue: '9007199254740993' } }],
    };
    const { events, refusals } = json(request([record], resource));
    expect(refusals).toEqual([]);
    expect(events[0].event).toEqual({
      timestamp: AT,
      log_level: 'ERROR',
      message: '{"a":[true,0.5],"b":"9007199254740993"}',
      source: 'checkout',
      host: 'web-1',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: '00f067aa0ba902b7',
      attributes: { region: 'eu', shadowed: 'record', 'otel.scope.name': 'lib', 'otel.scope.version': '2', count: '3', big: '9007199254740993' },
    });
    expect(events[0].describe().where).toBe('resourceLogs[0].scopeLogs[0].logRecords[0]');
  });

  it('dates a record by observedTimeUnixNano when timeUnixNano is unset, and when received when neither is set', () => {
    const { events, refusals } = json(request([{ observedTimeUnixNano: NOW_NS }, { timeUnixNano: '0' }, { timeUnixNano: 'soon' }, { severityNumber: 30, timeUnixNano: NOW_NS }]));
    expect(events.map((candidate) => [candidate.position, candidate.event['timestamp']])).toEqual([[1, AT], [2, '2026-12-05T05:01:00.000Z']]);
    expect(refusals.map(({ position, code, reason }) => [position, code, reason])).toEqual([
      [3, 'invalid_value', 'resourceLogs[0].scopeLogs[0].logRecords[2]: timeUnixNano must be nanoseconds since the Unix epoch, got "soon"'],
      [4, 'invalid_value', 'resourceLogs[0].scopeLogs[0].logRecords[3]: severityNumber 30 is not one of 0-24'],
    ]);
  });

  it('names the source unknown_service when the resource has no service.name', () => {
    expect(json(request([{ timeUnixNano: NOW_NS }], [])).events[0].event['source']).toBe('unknown_service');
  });

  it('refuses a malformed record alone, and a malformed container as a whole', () => {
    const { events, refusals } = json(request([{ timeUnixNano: NOW_NS, attributes: 'nope' }, 'not a record', { timeUnixNano: NOW_NS }]));
    expect(events.map((candidate) => candidate.position)).toEqual([3]);
    expect(refusals.map((refusal) => refusal.reason)).toEqual([
      'resourceLogs[0].scopeLogs[0].logRecords[0]: resourceLogs[0].scopeLogs[0].logRecords[0].attributes must be an array',
      'resourceLogs[0].scopeLogs[0].logRecords[1]: a log record must be an object',
    ]);
    expect(() => json({ resourceLogs: {} })).toThrow(new PayloadError('resourceLogs must be an array'));
    expect(() => json([])).toThrow(PayloadError);
    expect(() => decodeOtlpJson(Buffer.from('{"resourceLogs": ['), RECEIVED_MS)).toThrow(/invalid JSON/);
  });

  it('decodes protobuf into the same candidates, with ids as hex', () => {
    const message = ExportLogsServiceRequest.fromObject({
      resourceLogs: [{
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'checkout' } }] },
        scopeLogs: [{ logRecords: [{ timeUnixNano: NOW_NS, severityNumber: 13, body: { stringValue: 'slow' }, traceId: Buffer.from('4bf92f3577b34da6a3ce929d0e0e4736', 'hex'), spanId: Buffer.from('00f067aa0ba902b7', 'hex'), attributes: [{ key: 'n', value: { intValue: '-5' } }] }] }],
      }],
    });
    const decoded = decodeOtlpProtobuf(Buffer.from(ExportLogsServiceRequest.encode(message).finish()), RECEIVED_MS);
    expect(decoded.events[0].event).toEqual({
      timestamp: AT,
      log_level: 'WARNING',
      message: 'slow',
      source: 'checkout',
      host: '',
      trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
      span_id: '00f067aa0ba902b7',
      attributes: { n: '-5' },
    });
    expect(() => decodeOtlpProtobuf(Buffer.from([0x0a, 0xff, 0xff, 0x01]), RECEIVED_MS)).toThrow(/invalid protobuf ExportLogsServiceRequest/);
  });
});
