import { attributeRejection, normalizeEvent, normalizeField } from './normalize-event';

const base = { timestamp: '2026-11-28T17:00:00.123Z', log_level: 'INFO', message: 'hello', source: 'auth' };

function rowOf(input: unknown) {
  const result = normalizeEvent(input);
  if (!result.ok) throw new Error(`expected a row, got ${result.code}: ${result.reason}`);
  return result.row;
}

function rejectionOf(input: unknown) {
  const result = normalizeEvent(input);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.row)}`);
  return result;
}

describe('normalizeEvent', () => {
  it('turns a canonical event into a row with defaults for the optional fields', () => {
    expect(rowOf(base)).toEqual({
      timestamp: '2026-11-28 17:00:00.123',
      log_level: 'INFO',
      message: 'hello',
      source: 'auth',
      host: '',
      producer_id: '',
      seq: null,
      attributes: {},
      trace_id: '',
      span_id: '',
    });
  });

  it('accepts the aliases shippers send', () => {
    const row = rowOf({ '@timestamp': '2026-11-28T17:00:00Z', severity: 'warn', msg: 'm', service: 'api', hostname: 'h1' });
    expect(row).toMatchObject({ log_level: 'WARNING', message: 'm', source: 'api', host: 'h1' });
    expect(rowOf({ ...base, log_level: undefined, level: 'Fatal' }).log_level).toBe('CRITICAL');
    expect(rowOf({ ...base, timestamp: undefined, time: '2026-11-28 17:00:00' }).timestamp).toBe('2026-11-28 17:00:00.000');
  });

  it.each([
    ['2026-11-28T18:00:00.5+01:00', '2026-11-28 17:00:00.500'],
    ['2026-11-28T12:30:00-0430', '2026-11-28 17:00:00.000'],
    ['2026-11-28T17:00:00.123456789Z', '2026-11-28 17:00:00.123'],
    [1795885200, '2026-11-28 17:00:00.000'],
    [1795885200.25, '2026-11-28 17:00:00.250'],
    [1795885200123, '2026-11-28 17:00:00.123'],
    [1795885200123456, '2026-11-28 17:00:00.123'],
  ])('reads the timestamp %p as %p UTC', (timestamp, expected) => {
    expect(rowOf({ ...base, timestamp }).timestamp).toBe(expected);
  });

  it.each([
    ['2026-02-30T00:00:00Z'],
    ['yesterday'],
    ['2026-11-28'],
    ['2026-11-28T25:00:00Z'],
    ['1900-01-01T00:00:00Z'],
  ])('refuses the timestamp %p', (timestamp) => {
    expect(rejectionOf({ ...base, timestamp }).code).toBe('invalid_value');
  });

  it('keeps extra top-level fields as attributes, objects as JSON text; explicit attributes win', () => {
    const row = rowOf({ ...base, user_id: 42, ok: true, ctx: { a: [1] }, region: 'eu', attributes: { region: 'us' } });
    expect(row.attributes).toEqual({ user_id: '42', ok: 'true', ctx: '{"a":[1]}', region: 'us' });
  });

  it('keeps a second alias of a field as an attribute', () => {
    expect(rowOf({ ...base, level: 'debug' }).attributes).toEqual({ level: 'debug' });
  });

  it.each([
    [{ ...base, message: 5 }, 'wrong_type', /message must be a string, got number 5/],
    [{ ...base, message: undefined }, 'missing_field', /missing 'message' or 'msg'/],
    [{ ...base, log_level: 'VERBOSE' }, 'invalid_value', /unknown log_level 'VERBOSE'/],
    [{ ...base, log_level: 3 }, 'wrong_type', /log_level must be a string/],
    [{ ...base, timestamp: undefined }, 'missing_field', /missing 'timestamp'/],
    [{ ...base, source: '' }, 'invalid_value', /source must not be empty/],
    [{ ...base, seq: -1 }, 'invalid_value', /seq must be a non-negative integer/],
    [{ ...base, seq: '1' }, 'wrong_type', /seq must be a non-negative integer, got string/],
    [{ ...base, attributes: { a: 1 } }, 'wrong_type', /attributes.a must be a string/],
    [{ ...base, message: 'x'.repeat(70_000) }, 'too_large', /message is 70000 bytes; the limit is 65536/],
    [[base], 'not_an_object', /got an array/],
    ['text', 'not_an_object', /got string/],
  ])('refuses %#: %s', (input, code, reason) => {
    const rejection = rejectionOf(input);
    expect(rejection.code).toBe(code);
    expect(rejection.reason).toMatch(reason);
  });

  it('counts message size in UTF-8 bytes', () => {
    expect(rejectionOf({ ...base, message: 'é'.repeat(40_000) }).reason).toMatch(/80000 bytes/);
    expect(rowOf({ ...base, message: 'é'.repeat(30_000) }).message).toHaveLength(30_000);
  });

  it('refuses a field nested too deeply to serialise, instead of throwing', () => {
    const deep = JSON.parse(`{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(rejectionOf({ ...base, ...deep })).toMatchObject({ code: 'too_large', reason: "attribute 'x' is nested too deeply to store" });
  });

  it('refuses more attributes than the limit', () => {
    const attributes = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, 'v']));
    expect(rejectionOf({ ...base, attributes }).code).toBe('too_large');
  });

  it('does not let __proto__ in the input reach the prototype', () => {
    const row = rowOf(JSON.parse('{"timestamp":"2026-11-28T17:00:00Z","level":"info","message":"m","source":"s","__proto__":{"x":"1"}}'));
    expect(Object.keys(row.attributes)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(row.attributes, '__proto__')?.value).toBe('{"x":"1"}');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('normalizeField', () => {
  it('reads a value set from elsewhere with the rules of its field', () => {
    expect(normalizeField('timestamp', '2026-11-28T18:00:00.5+01:00')).toEqual({ ok: true, value: '2026-11-28 17:00:00.500', timestampMs: Date.UTC(2026, 10, 28, 17, 0, 0, 500) });
    expect(normalizeField('timestamp', 1795885200)).toMatchObject({ ok: true, value: '2026-11-28 17:00:00.000' });
    expect(normalizeField('log_level', ' warn ')).toEqual({ ok: true, value: 'WARNING' });
    expect(normalizeField('host', '')).toEqual({ ok: true, value: '' });
  });

  it('refuses with the reason normalizeEvent gives', () => {
    for (const [field, value] of [['timestamp', 'yesterday'], ['log_level', 'loud'], ['source', ''], ['host', 'h'.repeat(300)]] as const) {
      const expected = rejectionOf({ ...base, [field]: value });
      expect(normalizeField(field, value)).toEqual({ ok: false, code: expected.code, reason: expected.reason });
    }
  });
});

describe('attributeRejection', () => {
  it('allows what normalizeEvent stores and names what it refuses', () => {
    expect(attributeRejection(256, 'k', 'v')).toBeUndefined();
    expect(attributeRejection(257, 'k', 'v')).toEqual({ code: 'too_large', reason: 'more than 256 attributes' });
    expect(attributeRejection(1, 'k', 'v'.repeat(16_385))).toEqual({ code: 'too_large', reason: "attribute 'k' is 16385 bytes; the limit is 16384" });
  });
});
