import { compressSync } from 'snappy';
import { PayloadError } from '../candidate';
import { decodeLokiJson, decodeLokiProtobuf } from './decode-loki';
import { parseLabelSet } from './label-set';
import { PushRequest } from './loki-proto';

const NS = '1796446800123456789';
const AT = '2026-12-05T05:00:00.123Z';
const json = (value: unknown) => decodeLokiJson(Buffer.from(JSON.stringify(value)));

describe('Loki label sets', () => {
  it('reads names and quoted values with escapes', () => {
    expect(parseLabelSet('{app="api", env="prod",note="say \\"hi\\"\\n", path="C:\\\\x"}')).toEqual({ app: 'api', env: 'prod', note: 'say "hi"\n', path: 'C:\\x' });
    expect(parseLabelSet('{}')).toEqual({});
  });

  it.each(['app="api"', '{app=api}', '{app="api"', '{app="api"} extra', '{1app="x"}'])('refuses %s', (text) => {
    expect(() => parseLabelSet(text)).toThrow(PayloadError);
  });
});

describe('Loki push decoding', () => {
  it('maps labels and structured metadata: source, level, host and trace from their usual names, the rest as attributes', () => {
    const { events, refusals } = json({
      streams: [
        { stream: { job: 'varlogs', service_name: 'api', detected_level: 'warn', instance: 'h1', env: 'prod' }, values: [[NS, 'disk slow', { trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', env: 'canary' }]] },
        { stream: { filename: '/var/log/x' }, values: [[NS, 'plain']] },
      ],
    });
    expect(refusals).toEqual([]);
    expect(events.map((candidate) => candidate.event)).toEqual([
      { timestamp: AT, log_level: 'warn', message: 'disk slow', source: 'api', host: 'h1', trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', span_id: undefined, attributes: { env: 'canary' } },
      { timestamp: AT, log_level: 'INFO', message: 'plain', source: 'unknown_service', host: undefined, trace_id: undefined, span_id: undefined, attributes: { filename: '/var/log/x' } },
    ]);
  });

  it('refuses an entry with a bad timestamp alone, and a body of the wrong shape as a whole', () => {
    const { events, refusals } = json({ streams: [{ stream: { app: 'a' }, values: [['12x', 'bad'], [NS, 'good']] }] });
    expect(events.map((candidate) => candidate.position)).toEqual([2]);
    expect(refusals[0]).toMatchObject({ position: 1, code: 'invalid_value', reason: 'streams[0].values[0]: timestamp "12x" is not nanoseconds since the Unix epoch' });
    expect(() => json({ stream: [] })).toThrow('the body must be {"streams": [...]}');
    expect(() => json({ streams: [{ stream: { app: 1 }, values: [] }] })).toThrow('streams[0].stream.app must be a string');
    expect(() => json({ streams: [{ stream: {}, values: [[NS]] }] })).toThrow('streams[0].values[0] must be ["<unix epoch in nanoseconds>", "<line>"]');
  });

  it('decodes snappy-compressed protobuf into the same candidates', () => {
    const push = PushRequest.encode(
      PushRequest.fromObject({
        streams: [{ labels: '{app="shop", level="error"}', entries: [{ timestamp: { seconds: '1796446800', nanos: 123456789 }, line: 'boom', structuredMetadata: [{ name: 'user', value: 'ada' }] }] }],
      }),
    ).finish();
    const { events } = decodeLokiProtobuf(compressSync(Buffer.from(push)), 1024);
    expect(events[0].event).toEqual({ timestamp: AT, log_level: 'error', message: 'boom', source: 'shop', host: undefined, trace_id: undefined, span_id: undefined, attributes: { user: 'ada' } });
  });

  it('refuses a snappy block that says it is larger than the limit, before uncompressing it', () => {
    const big = compressSync(Buffer.alloc(10_000, 'a'));
    expect(() => decodeLokiProtobuf(big, 1000)).toThrow('the body is 10000 bytes uncompressed; the limit is 1000');
    expect(() => decodeLokiProtobuf(Buffer.from('not snappy'), 1000)).toThrow(PayloadError);
  });
});
