import { parseSyslog } from './parse-syslog';

const NOW = Date.parse('2026-01-01T00:00:30Z');

describe('parseSyslog', () => {
  it('reads RFC 5424 with structured data (escapes included), PROCID and MSGID, and a BOM before the message', () => {
    const text = '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog 42 ID47 [exampleSDID@32473 iut="3" eventSource="App\\]lication"][x@1 a="\\"q\\""] \ufeffAn application event';
    expect(parseSyslog(text, NOW)).toEqual({
      ok: true,
      event: {
        timestamp: '2003-10-11T22:14:15.003Z',
        log_level: 'INFO',
        message: 'An application event',
        source: 'evntslog',
        host: 'mymachine.example.com',
        attributes: { facility: 'local4', procid: '42', msgid: 'ID47', 'exampleSDID@32473.iut': '3', 'exampleSDID@32473.eventSource': 'App]lication', 'x@1.a': '"q"' },
      },
    });
  });

  it('dates a message without a time when received, and names no source or host for nil values', () => {
    expect(parseSyslog('<11>1 - - - - - -', NOW)).toEqual({
      ok: true,
      event: { timestamp: '2026-01-01T00:00:30.000Z', log_level: 'ERROR', message: '', source: 'syslog', host: '', attributes: { facility: 'user' } },
    });
  });

  it.each([[0, 'CRITICAL'], [2, 'CRITICAL'], [3, 'ERROR'], [4, 'WARNING'], [5, 'INFO'], [6, 'INFO'], [7, 'DEBUG']])('maps severity %i to %s', (severity, level) => {
    expect(parseSyslog(`<${8 + severity}>1 - h a - - - m`, NOW)).toMatchObject({ ok: true, event: { log_level: level } });
  });

  it('reads RFC 3164 in the current year, or the one before for December seen in January', () => {
    expect(parseSyslog('<34>Dec 31 23:59:50 mymachine su[123]: su root failed', NOW)).toEqual({
      ok: true,
      event: { timestamp: '2025-12-31T23:59:50.000Z', log_level: 'CRITICAL', message: 'su root failed', source: 'su', host: 'mymachine', attributes: { facility: 'auth', procid: '123' } },
    });
    expect(parseSyslog('<13>Jan  1 00:00:01 host cron: ran', NOW)).toMatchObject({ ok: true, event: { timestamp: '2026-01-01T00:00:01.000Z', source: 'cron', message: 'ran' } });
  });

  it.each([
    ['no PRI', 'hello', /starts with <PRI>/],
    ['PRI out of range', '<192>1 - - - - - -', /starts with <PRI>/],
    ['a short RFC 5424 header', '<13>1 - host', /RFC 5424 header/],
    ['unterminated structured data', '<13>1 - h a - - [id x="1" m', /structured data/],
    ['an RFC 3164 message without a time', '<13>yesterday host x: y', /RFC 3164/],
  ])('refuses %s, saying why', (_case, text, reason) => {
    const parsed = parseSyslog(text, NOW);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });
});
