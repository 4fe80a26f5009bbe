import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIMITS, normalizeEvent } from '@logline/log-schema';
import { createReplaySource, toEvent, truncateUtf8 } from './replay-source';

const NOW = Date.UTC(2026, 0, 5, 12);

describe('replay source', () => {
  it('reads CRLF, CR and LF line ends, skips blank lines, and keeps each original line', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'generator-replay-')), 'mixed.log');
    const lines = [
      '[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok',
      '2015-10-18 18:01:47,978 WARN [main] a.b.C: low memory',
      'Jun 14 15:16:01 combo su[1]: session opened',
      'plain text line',
    ];
    writeFileSync(file, `${lines[0]}\r\n${lines[1]}\r${lines[2]}\n\r\n\n${lines[3]}`);
    const source = createReplaySource({ file, source: 'mixed', clock: () => NOW, shiftToNow: false });
    const first = await source.take(3);
    const rest = await source.take(3);
    const afterTheEnd = await source.take(1);
    await source.close();
    expect([...first, ...rest].map((event) => event.attributes?.raw)).toEqual(lines);
    expect(rest).toHaveLength(1);
    expect(afterTheEnd).toEqual([]);
    expect(first.map((event) => event.log_level)).toEqual(['INFO', 'WARNING', 'INFO']);
    expect(first[2]).toMatchObject({ source: 'mixed', host: 'combo', message: 'session opened' });
  });

  it('with shiftToNow moves every line by the same amount so the newest is now, keeping the original time', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'generator-replay-')), 'old.log');
    writeFileSync(file, '2015-10-18 18:01:47,000 INFO [m] a: one\n2015-10-18 18:01:50,500 INFO [m] a: two\n');
    const source = createReplaySource({ file, source: 'old', clock: () => NOW, shiftToNow: true });
    const events = await source.take(5);
    await source.close();
    expect(events.map((event) => Date.parse(event.timestamp))).toEqual([NOW - 3500, NOW]);
    expect(events[0].attributes?.original_timestamp).toBe(new Date(2015, 9, 18, 18, 1, 47).toISOString());
  });

  it('joins the lines of a Java stack trace and a Python traceback to the event they belong to', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'generator-replay-')), 'traces.log');
    const trace = ['java.lang.IllegalStateException: cart 42 is locked', '\tat com.acme.Cart.load(Cart.java:88)', '\t... 48 more'];
    const traceback = ['Traceback (most recent call last):', '  File "/srv/jobs.py", line 57, in run', '', 'ValueError: bad payload'];
    const lines = [
      '2015-10-18 18:01:47,978 ERROR [main] a.b.Cart: load failed', ...trace,
      '2015-10-18 18:01:48,000 INFO [main] a.b.Cart: next',
      '2015-10-18 18:01:49,000 ERROR [w] jobs: job failed', ...traceback,
    ];
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const source = createReplaySource({ file, source: 'traces', clock: () => NOW, shiftToNow: true });
    const events = await source.take(10);
    await source.close();
    expect(events.map((event) => event.message)).toEqual([
      ['load failed', ...trace].join('\n'),
      'next',
      ['job failed', ...traceback].join('\n'),
    ]);
    expect(events.map((event) => event.log_level)).toEqual(['ERROR', 'INFO', 'ERROR']);
    expect(events[0].attributes?.raw).toBe([lines[0], ...trace].join('\n'));
    // The frames carry no time: the newest event, not a frame read as "now", sets the shift.
    expect(Date.parse(events[2].timestamp)).toBe(NOW);
  });

  it('makes events the shared normalisation accepts, with the format noted', () => {
    const event = toEvent('2015-10-18 18:01:47,978 ERROR [main] a.b.C: disk full', 'hadoop', NOW);
    expect(event.attributes).toMatchObject({ format: 'log4j', thread: 'main', logger: 'a.b.C' });
    expect(normalizeEvent({ ...event, producer_id: 'p', seq: 0 }).ok).toBe(true);
  });

  it('cuts lines longer than the api accepts, never inside a character', () => {
    const event = toEvent(`x${'é'.repeat(40_000)}`, 'big', NOW);
    expect(Buffer.byteLength(event.attributes?.raw ?? '')).toBeLessThanOrEqual(LIMITS.attributeValueBytes);
    expect(normalizeEvent({ ...event }).ok).toBe(true);
    expect(truncateUtf8('aé', 2)).toBe('a');
    expect(truncateUtf8('a😀b', 4)).toBe('a');
    expect(truncateUtf8('short', 10)).toBe('short');
  });
});
