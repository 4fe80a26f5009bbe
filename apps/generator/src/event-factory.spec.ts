import { LOG_LEVELS, normalizeEvent } from '@logline/log-schema';
import { createEventFactory, createGeneratedSource } from './event-factory';
import { createRandom } from './random';
import { KNOWN_SOURCES } from './templates';

const FIXED_TIME = Date.UTC(2026, 10, 28, 17, 0, 0, 123);

function events(seed: number, count: number, sources: readonly string[] = KNOWN_SOURCES) {
  const makeEvent = createEventFactory({ random: createRandom(seed), sources, clock: () => FIXED_TIME });
  return Array.from({ length: count }, makeEvent);
}

describe('generated events', () => {
  it('are identical for the same seed and differ for another', () => {
    expect(events(42, 200)).toEqual(events(42, 200));
    expect(events(43, 200)).not.toEqual(events(42, 200));
  });

  it('keep to the levels asked for, in their usual proportions to each other', () => {
    const makeEvent = createEventFactory({ random: createRandom(3), sources: ['payment'], clock: () => FIXED_TIME, levels: ['CRITICAL'] });
    expect(new Set(Array.from({ length: 500 }, () => makeEvent().log_level))).toEqual(new Set(['CRITICAL']));
    const mixed = createEventFactory({ random: createRandom(3), sources: ['payment'], clock: () => FIXED_TIME, levels: ['ERROR', 'CRITICAL'] });
    const levels = Array.from({ length: 4000 }, () => mixed().log_level);
    const critical = levels.filter((level) => level === 'CRITICAL').length;
    expect(levels.filter((level) => level === 'ERROR').length).toBeGreaterThan(critical * 4);
    expect(critical).toBeGreaterThan(0);
  });

  it('are skewed towards INFO, with CRITICAL the rarest', () => {
    const sample = events(1, 20_000);
    const share = Object.fromEntries(
      LOG_LEVELS.map((level) => [level, sample.filter((event) => event.log_level === level).length / sample.length]),
    );
    expect(share.INFO).toBeGreaterThan(0.65);
    expect(share.DEBUG).toBeGreaterThan(0.08);
    expect(share.DEBUG).toBeLessThan(share.INFO);
    expect(share.WARNING).toBeGreaterThan(0.05);
    expect(share.WARNING).toBeLessThan(share.DEBUG);
    expect(share.ERROR).toBeGreaterThan(0.015);
    expect(share.ERROR).toBeLessThan(share.WARNING);
    expect(share.CRITICAL).toBeGreaterThan(0);
    expect(share.CRITICAL).toBeLessThan(share.ERROR / 3);
  });

  it('all pass the shared normalisation, with string attributes and ms timestamps', () => {
    for (const [index, event] of events(3, 5_000, [...KNOWN_SOURCES, 'billing']).entries()) {
      const result = normalizeEvent({ ...event, producer_id: 'p', seq: index });
      if (!result.ok) throw new Error(`${JSON.stringify(event)}: ${result.reason}`);
      expect(event.timestamp).toBe('2026-11-28T17:00:00.123Z');
      expect(event.attributes?.request_id).toMatch(/^[0-9a-f]{16}$/);
    }
  });

  it('use per-source messages that vary, and generic ones for other sources', () => {
    const sample = events(9, 4_000, [...KNOWN_SOURCES, 'billing']);
    for (const source of [...KNOWN_SOURCES, 'billing']) {
      const messages = new Set(sample.filter((event) => event.source === source).map((event) => event.message));
      expect(messages.size).toBeGreaterThan(100);
    }
    const auth = sample.filter((event) => event.source === 'auth').map((event) => event.message);
    expect(auth.some((message) => /^Failed password for \w+\.\w+ from \d+\.\d+\.\d+\.\d+/.test(message))).toBe(true);
    const payment = sample.filter((event) => event.source === 'payment').map((event) => event.message);
    expect(payment.some((message) => /^Charged \d+\.\d{2} [A-Z]{3} for order ord_/.test(message))).toBe(true);
  });

  it('come from an endless source in the numbers asked for', async () => {
    const source = createGeneratedSource({ random: createRandom(1), sources: ['auth'], clock: () => FIXED_TIME });
    expect(await source.take(3)).toHaveLength(3);
    expect(await source.take(500)).toHaveLength(500);
  });
});
