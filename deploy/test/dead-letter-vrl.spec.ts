import { check } from '@bpinternal/verel';
import { truncateRaw } from '@logline/ch-client';
import { jsonText } from '@logline/log-schema';
import { loadNormalizeVectors, normalizeLine } from '@logline/log-schema/test-vectors';
import { loadRulesVectors, RULES_VECTORS_FILE } from '@logline/processing-rules/test-vectors';
import { renderRulesVrl } from '../src/rules-vrl/render-rules-vrl';
import { readSharedBlocks } from '../src/rules-vrl/shared-blocks';
import { droppedEvent, Refusal, httpSourceEvent, readProgram, runProgram } from './run-vrl';

const normalize = readProgram('normalize.vrl');
const deadLetter = readProgram('dead-letter.vrl');

/** Runs normalize.vrl on a line it refuses and returns the abort text. */
function refusalOf(line: string): string {
  try {
    runProgram(normalize, httpSourceEvent(line));
  } catch (error) {
    if (error instanceof Refusal) return error.message;
    throw error;
  }
  throw new Error(`normalize.vrl accepted ${line.slice(0, 80)}`);
}

describe('dead-letter.vrl', () => {
  it('compiles without errors or warnings', () => {
    const { errors, warnings } = check(deadLetter);
    expect([...errors, ...warnings].map((diagnostic) => diagnostic.message)).toEqual([]);
  });

  it.each(['message size counts UTF-8 bytes', 'plain text', 'missing message'])(
    'stores the refusal of "%s" as the api stores its dead letters',
    (name) => {
      const vector = loadNormalizeVectors().find((candidate) => candidate.name === name);
      if (vector?.expected.kind !== 'rejection') throw new Error(`no rejection vector named ${name}`);
      const row = runProgram(deadLetter, droppedEvent(httpSourceEvent(vector.line), 'abort', refusalOf(vector.line)));
      expect(row).toEqual({
        transport: 'vector-http',
        peer: '10.1.2.3',
        line: 0,
        code: vector.expected.code,
        reason: expect.stringContaining(vector.expected.reason),
        raw: truncateRaw(vector.line),
      });
    },
  );

  it('stores a row the processing rules refused, the row as its raw text', () => {
    const { rules, vectors } = loadRulesVectors();
    const vector = vectors.find((candidate) => candidate.expected.kind === 'failure' && candidate.expected.rule === 'set-legacy');
    const normalized = normalizeLine(vector?.line ?? '');
    if (vector?.expected.kind !== 'failure' || normalized.kind !== 'row') throw new Error('no failing rules vector');
    const program = renderRulesVrl(rules, RULES_VECTORS_FILE, readSharedBlocks(normalize));
    let refusal = '';
    try {
      runProgram(program, normalized.row as unknown as Record<string, unknown>);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      refusal = error.message;
    }
    const row = runProgram(deadLetter, droppedEvent(normalized.row as unknown as Record<string, unknown>, 'abort', refusal, 'processing_rules'));
    expect(row).toEqual({
      transport: 'vector',
      peer: '',
      line: 0,
      code: 'processing_rule',
      reason: vector.expected.reason,
      raw: truncateRaw(jsonText(normalized.row)),
    });
  });

  it('names the TCP peer with its port', () => {
    const socketEvent = { message: 'oops', peer: '10.0.0.9', port: 51234, source_type: 'socket' };
    expect(runProgram(deadLetter, droppedEvent(socketEvent, 'abort', 'invalid_json: invalid JSON: x'))).toMatchObject({
      transport: 'vector-tcp',
      peer: '10.0.0.9:51234',
      code: 'invalid_json',
      reason: 'invalid JSON: x',
    });
  });

  it('names the door a refused OTLP record or syslog message came through', () => {
    const otlpLine = { message: '{"log_level":"loud"}', peer: '', source_type: 'otlp' };
    expect(runProgram(deadLetter, droppedEvent(otlpLine, 'abort', "invalid_value: unknown log_level 'loud'"))).toMatchObject({ transport: 'vector-otlp', code: 'invalid_value' });
    const syslogEvent = { message: 'no priority', source_ip: '10.0.0.7', port: 40000, source_type: 'socket' };
    const message = 'invalid_payload: a syslog message starts with <PRI>';
    const dropped = { ...syslogEvent, metadata: { dropped: { reason: 'abort', message, component_id: 'syslog_to_wire', component_type: 'remap', component_kind: 'transform' } } };
    expect(runProgram(deadLetter, dropped)).toMatchObject({ transport: 'vector-syslog', peer: '10.0.0.7:40000', code: 'invalid_payload', raw: 'no priority' });
  });

  it('keeps a runtime error of the program as internal_error with its text', () => {
    const message = 'function call error for "slice" at (1:2): out of range';
    expect(runProgram(deadLetter, droppedEvent(httpSourceEvent('{}'), 'error', message))).toMatchObject({
      code: 'internal_error',
      reason: message,
    });
  });

  it.each([
    ['a cut three-byte character', `${'a'.repeat(4095)}€tail`],
    ['a cut four-byte character', `${'a'.repeat(4094)}😀tail`],
    ['a whole character at the limit', `${'a'.repeat(4093)}€tail`],
  ])('truncates raw text to 4096 bytes without %s, as truncateRaw does', (_case, raw) => {
    const row = runProgram(deadLetter, droppedEvent(httpSourceEvent(raw), 'abort', 'invalid_json: invalid JSON'));
    expect((row as { raw: string }).raw).toBe(truncateRaw(raw));
  });
});
