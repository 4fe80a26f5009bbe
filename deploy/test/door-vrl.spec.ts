/**
 * The Vector path for the standard protocols agrees with the api's doors: every shared door vector
 * goes through the source's event (vector-sources.ts), the door's VRL program and normalize.vrl in
 * the real VRL engine, and must give the rows (or refusals) the api gives.
 */
import { check } from '@bpinternal/verel';
import { apiOutcomes, loadDoorVectors, VECTORS_RECEIVED_MS, type DoorVector, type RecordOutcome } from '@logline/ingest-protocols/test-vectors';
import type { OtlpLogsRequest } from '@logline/ingest-protocols';
import { readProgram, Refusal, runProgram, vrlOutcome } from './run-vrl';
import { otlpCodecEvent, SYSLOG_SOURCE_PRELUDE, syslogSourceEvent } from './vector-sources';

const normalize = readProgram('normalize.vrl');
const otlp = readProgram('otlp.vrl');
const syslog = readProgram('syslog.vrl');
const received = new Date(VECTORS_RECEIVED_MS).toISOString();

/** normalize.vrl on a line a door program wrote. */
function normalized(line: string): RecordOutcome {
  const outcome = vrlOutcome(normalize, line);
  if (outcome.kind === 'skip') throw new Error('normalize.vrl skipped a door line');
  return outcome;
}

/** A door's program on a source event: its lines normalized, or its refusal. */
function throughVector(program: string, event: Record<string, unknown>): RecordOutcome[] {
  let output: unknown;
  try {
    output = runProgram(program, event);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const [, code, reason] = /^([a-z_]+): ([\s\S]*)$/.exec(error.message) ?? [];
    return [{ kind: 'rejection', code, reason }];
  }
  return ([] as { message: string }[]).concat(output as { message: string }).map((wire) => normalized(wire.message));
}

function vectorOutcomes(input: DoorVector['input']): RecordOutcome[] {
  // The records without a time are dated `now()`: the program runs as if received at the vectors' time.
  if ('otlp' in input) return throughVector(otlp.replace('now()', `t'${received}'`), otlpCodecEvent(input.otlp as OtlpLogsRequest));
  return input.syslog.flatMap((message) => throughVector(SYSLOG_SOURCE_PRELUDE + syslog, syslogSourceEvent(message, received)));
}

/** Rows equal; refusals with the same code, the reason of each containing the vector's. */
function expectSameOutcomes(actual: RecordOutcome[], expected: RecordOutcome[]): void {
  expect(actual.map((outcome) => outcome.kind)).toEqual(expected.map((outcome) => outcome.kind));
  actual.forEach((outcome, index) => {
    const wanted = expected[index];
    if (outcome.kind === 'row' || wanted.kind === 'row') expect(outcome).toEqual(wanted);
    else {
      expect(outcome.code).toBe(wanted.code);
      expect(outcome.reason).toContain(wanted.reason);
    }
  });
}

describe('the doors in Vector (otlp.vrl, syslog.vrl)', () => {
  it.each([
    ['otlp.vrl', otlp],
    ['syslog.vrl', syslog],
  ])('%s compiles without errors or warnings', (_name, program) => {
    const { errors, warnings } = check(program);
    expect([...errors, ...warnings].map((diagnostic) => diagnostic.message)).toEqual([]);
  });

  describe.each(loadDoorVectors().map((vector) => [vector.name, vector] as const))('%s', (_name, vector) => {
    const outcomes = vectorOutcomes(vector.input);

    it('gives the expected outcome', () => expectSameOutcomes(outcomes, vector.expected));

    // The api's reasons also say where the record was ("resourceLogs[0]...: ").
    it('agrees with the api', () => expectSameOutcomes(apiOutcomes(vector.input), outcomes));
  });
});
