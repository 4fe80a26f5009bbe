/**
 * Syslog on SYSLOG_PORT driven by util-linux `logger`, unmodified: RFC 5424 over TCP with octet
 * counting and with newline framing, RFC 3164 over UDP; stored rows checked field by field. Bad
 * frames are dead letters naming the door while the messages around them are stored, and UDP
 * datagrams that arrive while storage is behind are dropped and counted.
 */
import { connect } from 'node:net';
import { hostname } from 'node:os';
import { testToolPath } from '@logline/test-tools';
import { runTool } from './support/clients';
import { startProtocolApi, type ProtocolApi } from './support/protocol-api';
import { until } from './support/until';

function logger(api: ProtocolApi, args: string[], lines: string[]) {
  return runTool(testToolPath('logger'), ['-n', '127.0.0.1', '-P', String(api.syslogPort), ...args], `${lines.join('\n')}\n`);
}

describe('syslog from util-linux logger', () => {
  let api: ProtocolApi;
  beforeAll(async () => {
    api = await startProtocolApi();
  });
  afterAll(() => api?.stop());

  it('stores RFC 5424 over TCP with octet counting, structured data and all', async () => {
    const run = await logger(api, ['-T', '--octet-count', '--rfc5424', '-t', 'billing', '-p', 'local3.warning', '--msgid', 'INV', '--sd-id', 'order@32473', '--sd-param', 'id="A-17"', '--sd-param', 'note="say \\"hi\\""'], ['invoice overdue', 'second line']);
    expect(run.code).toBe(0);
    const rows = await api.waitForRows('source=billing', 2);
    // Both lines may fall in the same millisecond: compare them as a set.
    expect(rows.map((row) => row.message).sort()).toEqual(['invoice overdue', 'second line']);
    const invoice = rows.find((row) => row.message === 'invoice overdue');
    expect(invoice).toMatchObject({ log_level: 'WARNING', source: 'billing', host: hostname(), trace_id: '', span_id: '' });
    expect(invoice?.attributes).toEqual({
      facility: 'local3',
      msgid: 'INV',
      'order@32473.id': 'A-17',
      'order@32473.note': 'say "hi"',
      'timeQuality.tzKnown': expect.any(String),
      'timeQuality.isSynced': expect.any(String),
    });
    expect(Math.abs(Date.parse(invoice?.timestamp ?? '') - Date.now())).toBeLessThan(60_000);
  });

  it('stores newline-framed TCP and RFC 3164 over UDP, mapping severities', async () => {
    expect((await logger(api, ['-T', '--rfc5424', '-t', 'cron-tcp', '-p', 'cron.err'], ['job failed'])).code).toBe(0);
    expect((await logger(api, ['-d', '--rfc3164', '-t', 'daemon-udp', '-i', '-p', 'daemon.crit'], ['oops'])).code).toBe(0);
    const tcp = await api.waitForRows('source=cron-tcp', 1);
    expect(tcp[0]).toMatchObject({ message: 'job failed', log_level: 'ERROR', attributes: expect.objectContaining({ facility: 'cron' }) });
    const udp = await api.waitForRows('source=daemon-udp', 1);
    expect(udp[0]).toMatchObject({ message: 'oops', log_level: 'CRITICAL', host: hostname(), attributes: { facility: 'daemon', procid: expect.stringMatching(/^\d+$/) } });
  });

  it('keeps bad frames as dead letters and the messages around them', async () => {
    const socket = connect(api.syslogPort, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const good = (text: string) => `<14>1 ${new Date().toISOString()} h1 framing - - - ${text}`;
    const first = good('before');
    socket.end(`${Buffer.byteLength(first)} ${first}no priority here\n${good('after')}\n<999>1 - - - - - - out of range\n`);
    await new Promise((resolve) => socket.once('close', resolve));
    const rows = await api.waitForRows('source=framing', 2);
    expect(rows.map((row) => row.message)).toEqual(['before', 'after']);
    const letters = await api.waitForDeadLetters('syslog', 2);
    expect(letters.map((letter) => [letter.line, letter.code, letter.raw])).toEqual([
      [2, 'invalid_payload', 'no priority here'],
      [4, 'invalid_payload', '<999>1 - - - - - - out of range'],
    ]);
    expect(letters[0].reason).toContain('starts with <PRI>');
  });
});

describe('syslog over UDP while storage is behind', () => {
  let api: ProtocolApi;
  beforeAll(async () => {
    api = await startProtocolApi({ INGEST_MAX_PENDING_ROWS: '1', INGEST_FLUSH_MS: '3000' });
  });
  afterAll(() => api?.stop());

  it('drops the datagrams it has no room for and counts them', async () => {
    // An NDJSON event waits 3 s for storage: the buffer (one row) is full meanwhile.
    const line = JSON.stringify({ timestamp: new Date().toISOString(), level: 'info', message: 'waiting', source: 'http' });
    const waiting = fetch(`${api.url}/api/v1/ingest`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: line });
    await api.waitForPendingRows();
    expect((await logger(api, ['-d', '--rfc5424', '-t', 'flood'], ['m1', 'm2', 'm3', 'm4', 'm5'])).code).toBe(0);
    const dropped = async () => {
      const metrics = await (await fetch(`${api.url}/metrics`)).text();
      return Number(/^logline_syslog_udp_dropped_total\{reason="buffer_full"\} (\d+)$/m.exec(metrics)?.[1] ?? 0);
    };
    expect(await until('5 datagrams dropped', 15_000, async () => ((await dropped()) === 5 ? 5 : undefined))).toBe(5);
    expect((await waiting).status).toBe(200);
    expect(await api.rows('source=flood')).toEqual([]);
  });
});
