/**
 * Runs the Vector programs in deploy/vector with the real VRL engine (npm @bpinternal/verel, VRL
 * compiled to WebAssembly) on events shaped as Vector's sources hand them over.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execute } from '@bpinternal/verel';
import type { LineOutcome } from '@logline/log-schema/test-vectors';

const VECTOR_DIR = join(__dirname, '..', 'vector');

export function readProgram(name: 'normalize.vrl' | 'dead-letter.vrl' | 'otlp.vrl' | 'syslog.vrl'): string {
  return readFileSync(join(VECTOR_DIR, name), 'utf8');
}

/** What the `http_server` source (legacy log namespace, `host_key: peer`) emits for a line. */
export function httpSourceEvent(line: string): Record<string, unknown> {
  return { message: line, peer: '10.1.2.3', path: '/', source_type: 'http_server', timestamp: '2026-11-28T17:00:00Z' };
}

/** The event the remap transform sends to `<id>.dropped`: the source's event plus why it dropped. */
export function droppedEvent(sourceEvent: Record<string, unknown>, reason: 'abort' | 'error', message: string, componentId = 'normalize'): Record<string, unknown> {
  const dropped = { reason, message, component_id: componentId, component_type: 'remap', component_kind: 'transform' };
  return { ...sourceEvent, metadata: { dropped } };
}

/** The abort text of a refused line, "<code>: <reason>", as Vector puts it in the dropped event. */
export class Refusal extends Error {}

/** Runs a program; an abort becomes a Refusal, any other failure is rethrown. */
export function runProgram(program: string, event: Record<string, unknown>): unknown {
  try {
    return execute(program, event).event;
  } catch (error) {
    // verel reports an abort (and a runtime error) as "Termination;\n<message>".
    const message = error instanceof Error ? error.message : String(error);
    const abort = /^Termination;\n([a-z_]+: [\s\S]*)$/.exec(message);
    if (abort) throw new Refusal(abort[1]);
    throw error;
  }
}

/** The normalize program's result for one line, in the shape the TypeScript side reports. */
export function vrlOutcome(program: string, line: string): LineOutcome {
  let output: unknown;
  try {
    output = runProgram(program, httpSourceEvent(line));
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const [, code, reason] = /^([a-z_]+): ([\s\S]*)$/.exec(error.message) ?? [];
    return { kind: 'rejection', code, reason };
  }
  if (Array.isArray(output) && output.length === 0) return { kind: 'skip' };
  return { kind: 'row', row: output as Extract<LineOutcome, { kind: 'row' }>['row'] };
}
