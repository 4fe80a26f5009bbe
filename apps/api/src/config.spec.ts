import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 4000, tcpPort: 4001, dataDir: './data', retentionDays: 30 });
    expect(config.clickhouse.url).toBeUndefined();
    expect(Object.isFrozen(config.ingest)).toBe(true);
  });

  it('listens for syslog on 5514 unless tokens guard the api, where it listens only when SYSLOG_PORT says so', () => {
    expect(loadConfig({}).syslogPort).toBe(5514);
    expect(loadConfig({ API_TOKENS_FILE: '/etc/logline/tokens.json' }).syslogPort).toBe(0);
    expect(loadConfig({ API_TOKENS_FILE: '/etc/logline/tokens.json', SYSLOG_PORT: '6514' }).syslogPort).toBe(6514);
    expect(loadConfig({ SYSLOG_PORT: '0' }).syslogPort).toBe(0);
  });

  it('reports every invalid variable at once', () => {
    expect(() => loadConfig({ API_PORT: 'x', LOG_RETENTION_DAYS: '0', CLICKHOUSE_URL: 'ftp://h' })).toThrow(
      /API_PORT.*\n?.*LOG_RETENTION_DAYS|LOG_RETENTION_DAYS.*API_PORT/s,
    );
  });

  it('reads INDEXED_ATTRIBUTES as a list (default request_id, empty for none) and refuses names an index cannot carry', () => {
    expect(loadConfig({}).indexedAttributes).toEqual(['request_id']);
    expect(loadConfig({ INDEXED_ATTRIBUTES: 'order.id,request_id,order.id' }).indexedAttributes).toEqual(['order.id', 'request_id']);
    expect(loadConfig({ INDEXED_ATTRIBUTES: '' }).indexedAttributes).toEqual([]);
    expect(() => loadConfig({ INDEXED_ATTRIBUTES: "x'] TYPE minmax" })).toThrow(/INDEXED_ATTRIBUTES/);
    expect(() => loadConfig({ INDEXED_ATTRIBUTES: 'a,,b' })).toThrow(/INDEXED_ATTRIBUTES/);
  });

  it('refuses a retention whose TTL would run past the end of DateTime (2106) and delete everything', () => {
    expect(() => loadConfig({ LOG_RETENTION_DAYS: '36500' })).toThrow(/LOG_RETENTION_DAYS/);
    expect(loadConfig({ LOG_RETENTION_DAYS: '10000' }).retentionDays).toBe(10_000);
  });

  it('names an allowed host that is not a host name', () => {
    expect(() => loadConfig({ API_ALLOWED_HOSTS: 'logs.example.com,https://x.example' })).toThrow(/API_ALLOWED_HOSTS: 'https:\/\/x\.example' is not a host name/);
    expect(loadConfig({ API_ALLOWED_HOSTS: 'api, logs.example.com' }).allowedHosts.configured).toEqual(new Set(['api', 'logs.example.com', '127.0.0.1']));
  });

  it('reads the ClickHouse password from CLICKHOUSE_PASSWORD_FILE, and refuses it given twice', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'logline-api-secret-')), 'password');
    writeFileSync(file, 'from a secret file\n');
    expect(loadConfig({ CLICKHOUSE_PASSWORD_FILE: file }).clickhouse.password).toBe('from a secret file');
    expect(() => loadConfig({ CLICKHOUSE_PASSWORD: 'x', CLICKHOUSE_PASSWORD_FILE: file })).toThrow(/CLICKHOUSE_PASSWORD and CLICKHOUSE_PASSWORD_FILE are both set/);
  });

  it('inserts as CLICKHOUSE_WRITER_USER when set, with its own password file, and as CLICKHOUSE_USER otherwise', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'logline-api-secret-')), 'writer-password');
    writeFileSync(file, 'writer secret\n');
    const split = loadConfig({ CLICKHOUSE_USER: 'logline_reader', CLICKHOUSE_WRITER_USER: 'logline_writer', CLICKHOUSE_WRITER_PASSWORD_FILE: file });
    expect(split.clickhouse).toMatchObject({ username: 'logline_reader', writer: { username: 'logline_writer', password: 'writer secret' } });
    expect(loadConfig({ CLICKHOUSE_USER: 'one' }).clickhouse.writer).toBeUndefined();
    expect(() => loadConfig({ CLICKHOUSE_WRITER_PASSWORD: 'x', CLICKHOUSE_WRITER_PASSWORD_FILE: file })).toThrow(/CLICKHOUSE_WRITER_PASSWORD and CLICKHOUSE_WRITER_PASSWORD_FILE are both set/);
  });

  it('takes a cluster name only with a server URL, and only a name ClickHouse allows', () => {
    expect(loadConfig({ CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_CLUSTER: 'logline' }).clickhouse.cluster).toBe('logline');
    expect(loadConfig({ CLICKHOUSE_URL: 'http://ch:8123' }).clickhouse.cluster).toBeUndefined();
    expect(() => loadConfig({ CLICKHOUSE_CLUSTER: 'logline' })).toThrow(/CLICKHOUSE_CLUSTER needs CLICKHOUSE_URL/);
    expect(() => loadConfig({ CLICKHOUSE_URL: 'http://ch:8123', CLICKHOUSE_CLUSTER: "a' b" })).toThrow(/CLICKHOUSE_CLUSTER/);
  });
});
