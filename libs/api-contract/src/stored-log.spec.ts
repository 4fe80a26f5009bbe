import { Value } from 'typebox/value';
import type { StoredLog } from '@logline/log-schema';
import { StoredLogSchema, type StoredLogRow } from './stored-log';

const row: StoredLog = {
  id: '1764349200123.42',
  timestamp: '2026-11-28T17:00:00.123Z',
  log_level: 'ERROR',
  message: 'card declined',
  source: 'payment',
  host: 'h1',
  producer_id: 'p1',
  seq: 7,
  attributes: { region: 'eu' },
  trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
  span_id: '00f067aa0ba902b7',
  pattern_id: '5b1c0e8d2a7f4c13',
  ingested_at: '2026-11-28T17:00:00.200Z',
};

describe('StoredLogSchema', () => {
  it('describes the rows storage returns, field for field', () => {
    // Both ways at compile time: a field added to one and not the other fails the type check.
    const wire: StoredLogRow = row;
    const stored: StoredLog = wire;

    expect(Value.Check(StoredLogSchema, stored)).toBe(true);
    expect(Object.keys(StoredLogSchema.properties).sort()).toEqual(Object.keys(row).sort());
  });

  it('refuses a row whose level is not one of the five', () => {
    expect(Value.Check(StoredLogSchema, { ...row, log_level: 'warn' })).toBe(false);
  });
});
