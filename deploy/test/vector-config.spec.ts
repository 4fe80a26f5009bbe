import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkVectorConfig, usesEnvInterpolation } from './check-vector-config';

const CONFIG_PATH = join(__dirname, '..', 'vector', 'vector.yaml');
const text = readFileSync(CONFIG_PATH, 'utf8');
const config = parse(text) as Record<string, Record<string, Record<string, unknown>>>;

/** A deep copy of the config with one change applied. */
function changed(edit: (copy: typeof config) => void): typeof config {
  const copy = structuredClone(config);
  edit(copy);
  return copy;
}

describe('deploy/vector/vector.yaml', () => {
  it("passes the check against Vector's option reference", () => {
    expect(checkVectorConfig(config)).toEqual([]);
  });

  it('takes credentials from SECRET[...], not from environment variables', () => {
    expect(usesEnvInterpolation(text)).toBe(false);
    for (const sink of ['clickhouse_logs', 'clickhouse_dead_letters']) {
      expect(config['sinks'][sink]['auth']).toMatchObject({ strategy: 'basic', password: expect.stringMatching(/^SECRET\[files\.\w+\]$/) });
    }
  });

  it('listens on ports that do not collide with ClickHouse', () => {
    const ports = Object.values(config['sources'])
      .map((source) => String(source['address'] ?? ''))
      .concat(String(config['sinks']['prometheus']['address']))
      .filter(Boolean)
      .map((address) => Number(address.split(':').pop()));
    expect(ports.sort()).toEqual([4080, 4081, 4318, 5514, 5514, 9598]);
  });

  it('runs the VRL programs kept beside it (mounted at /etc/vector)', () => {
    for (const transform of Object.values(config['transforms'])) {
      const file = String(transform['file']);
      expect(file).toMatch(/^\/etc\/vector\/[\w-]+\.vrl$/);
      expect(existsSync(join(__dirname, '..', 'vector', file.replace('/etc/vector/', '')))).toBe(true);
    }
  });

  it('routes refused lines to the dead-letter sink and acknowledges only after delivery', () => {
    for (const transform of ['normalize', 'processing_rules']) {
      expect(config['transforms'][transform]).toMatchObject({ drop_on_abort: true, drop_on_error: true, reroute_dropped: true });
    }
    expect(config['transforms']['processing_rules']['inputs']).toEqual(['normalize']);
    expect(config['sinks']['clickhouse_logs']['inputs']).toEqual(['processing_rules']);
    expect(config['transforms']['dead_letters']['inputs']).toEqual(['normalize.dropped', 'processing_rules.dropped', 'otlp_to_wire.dropped', 'syslog_to_wire.dropped']);
    // The doors' lines are checked by the same rules as the api's own.
    expect(config['transforms']['normalize']['inputs']).toEqual(['http_ingest', 'tcp_ingest', 'otlp_to_wire', 'syslog_to_wire']);
    for (const door of ['otlp_to_wire', 'syslog_to_wire']) expect(config['transforms'][door]).toMatchObject({ drop_on_error: true, reroute_dropped: true });
    expect(config['sinks']['clickhouse_dead_letters']).toMatchObject({ table: 'ingest_errors', acknowledgements: { enabled: true } });
    expect(config['sinks']['clickhouse_logs']).toMatchObject({ table: 'application_logs', acknowledgements: { enabled: true } });
  });

  // The shared tool is the reference; where it is present (a developer's machine, CI), it must agree.
  const sharedTool = join(__dirname, '..', '..', '..', 'shared', 'tools', 'check-vector-config');
  (existsSync(sharedTool) ? it : it.skip)('passes ../shared/tools/check-vector-config too', () => {
    expect(execFileSync(sharedTool, [CONFIG_PATH], { encoding: 'utf8' })).toContain('ok (14 components)');
  });
});

describe('checkVectorConfig', () => {
  it.each([
    ['an unknown option', (c: typeof config) => (c['sources']['tcp_ingest']['port'] = 4081), 'sources.tcp_ingest.port: unknown option'],
    ['an option of another mode', (c: typeof config) => (c['sources']['tcp_ingest']['max_length'] = 10), 'sources.tcp_ingest.max_length: not valid here (only when mode = "udp")'],
    ['a wrong value type', (c: typeof config) => (c['sinks']['clickhouse_logs']['batch'] = { max_events: '10' }), 'sinks.clickhouse_logs.batch.max_events: expected uint, got string'],
    ['a value outside an enum', (c: typeof config) => (c['sinks']['clickhouse_logs']['format'] = 'csv'), "sinks.clickhouse_logs.format: 'csv' is not one of"],
    ['a missing required option', (c: typeof config) => delete c['sinks']['clickhouse_logs']['table'], 'sinks.clickhouse_logs.table: required option missing'],
    ['an input that names nothing', (c: typeof config) => (c['sinks']['prometheus']['inputs'] = ['metrics']), "sinks.prometheus.inputs: 'metrics' names no source or transform output"],
    ['a dropped output without reroute_dropped', (c: typeof config) => delete c['transforms']['normalize']['reroute_dropped'], "transforms.dead_letters.inputs: 'normalize.dropped' names no source or transform output"],
    ['both source and file', (c: typeof config) => (c['transforms']['normalize']['source'] = '.'), "transforms.normalize: exactly one of"],
    ['a component type it does not know', (c: typeof config) => (c['sinks']['prometheus']['type'] = 'json_parser'), "sinks.prometheus: type 'json_parser' is not in the reference"],
    ['an unknown top-level option', (c: typeof config) => ((c as Record<string, unknown>)['interpolate'] = true), 'interpolate: unknown top-level option'],
  ])('reports %s', (_case, edit, problem) => {
    expect(checkVectorConfig(changed(edit)).join('\n')).toContain(problem);
  });

  it('notices ${VAR} interpolation', () => {
    expect(usesEnvInterpolation('password: ${CLICKHOUSE_PASSWORD}')).toBe(true);
  });
});
