import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_VERSION } from './workspace';

const DEPLOY = join(__dirname, '..');
const read = (path: string) => readFileSync(join(DEPLOY, path), 'utf8');
const composeText = read('compose.yaml');

interface Service {
  image: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  secrets?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
}

const compose = parse(composeText) as { services: Record<string, Service>; secrets: Record<string, { environment: string }> };
const services = compose.services;
const vector = parse(read('vector/vector.yaml')) as Record<string, Record<string, Record<string, unknown>>>;

describe('deploy/compose.yaml', () => {
  it('pins ClickHouse 26.x and Vector 0.57+', () => {
    expect(services['clickhouse'].image).toMatch(/^clickhouse\/clickhouse-server:26\.\d+(\.[\d.]+)?$/);
    const [, minor] = /^timberio\/vector:0\.(\d+)\.\d+-debian$/.exec(services['vector'].image) ?? [];
    expect(Number(minor)).toBeGreaterThanOrEqual(57);
  });

  it("builds our images from the workspace, tagged with package.json's version by default", () => {
    for (const app of ['api', 'web', 'generator']) {
      expect(services[app].image).toBe(`\${LOGLINE_REGISTRY:-logline}/logline-${app}:\${LOGLINE_VERSION:-${PACKAGE_VERSION}}`);
      expect(services[app].build).toEqual({ context: '..', dockerfile: `apps/${app}/Dockerfile` });
    }
  });

  it('mounts files that exist, and the VRL programs where vector.yaml looks for them', () => {
    const mounts = Object.values(services).flatMap((service) => service.volumes ?? []);
    for (const mount of mounts.filter((volume) => volume.startsWith('./'))) {
      expect(existsSync(join(DEPLOY, mount.split(':')[0]))).toBe(true);
    }
    for (const transform of Object.values(vector['transforms'])) {
      expect(services['vector'].volumes).toContain(`./vector/${String(transform['file']).replace('/etc/vector/', '')}:${String(transform['file'])}:ro`);
    }
  });

  it("publishes Vector's ingest and metrics ports as vector.yaml listens on them", () => {
    // `host:published:container`, with `/tcp` or `/udp` where one port number carries both.
    const published = (services['vector'].ports ?? []).map((port) => Number(port.split(':').pop()?.split('/')[0]));
    const { http_ingest, tcp_ingest, otlp_http, syslog_tcp, syslog_udp } = vector['sources'];
    const listening = [http_ingest, tcp_ingest, otlp_http, syslog_tcp, syslog_udp, vector['sinks']['prometheus']].map((component) =>
      Number(String(component['address']).split(':').pop()),
    );
    expect(published).toEqual(listening);
  });

  it('starts each service after what it needs is healthy or done', () => {
    const dependencies = Object.fromEntries(Object.entries(services).map(([name, service]) => [name, service.depends_on ?? {}]));
    expect(dependencies).toEqual({
      clickhouse: {},
      migrate: { clickhouse: { condition: 'service_healthy' } },
      vector: { migrate: { condition: 'service_completed_successfully' } },
      api: { migrate: { condition: 'service_completed_successfully' } },
      web: { api: { condition: 'service_healthy' } },
      generator: { vector: { condition: 'service_healthy' } },
      prometheus: { api: { condition: 'service_healthy' } },
      grafana: { migrate: { condition: 'service_completed_successfully' } },
    });
    for (const name of ['clickhouse', 'vector']) expect(services[name].healthcheck?.test?.[0]).toBe('CMD');
    expect(read('../apps/api/Dockerfile')).toMatch(/^HEALTHCHECK /m);
  });

  it('gives the migrator, writer and reader users to the parts that need them', () => {
    expect(services['migrate'].environment).toMatchObject({ CLICKHOUSE_USER: 'logline_migrator', CLICKHOUSE_URL: 'http://clickhouse:8123' });
    // The reader may not insert: the api leaves ingest to Vector.
    expect(services['api'].environment).toMatchObject({ CLICKHOUSE_USER: 'logline_reader', MIGRATE_ON_START: 'false', INGEST_ENABLED: 'false' });
    // Both bind beyond loopback inside their containers: each says so explicitly, or refuses to start.
    expect(services['api'].environment).toMatchObject({ ALLOW_UNAUTHENTICATED_BIND: 'true' });
    expect(services['web'].environment).toMatchObject({ WEB_ALLOW_ANONYMOUS: 'true' });
    expect(vector['sinks']['clickhouse_logs']['auth']).toMatchObject({ user: 'logline_writer' });
    const secretName = /^SECRET\[files\.(\w+)\]$/.exec(String((vector['sinks']['clickhouse_logs']['auth'] as Record<string, string>)['password']))?.[1];
    expect(services['vector'].secrets).toEqual([secretName]);
    expect(compose.secrets[secretName ?? '']).toEqual({ environment: 'LOGLINE_WRITER_PASSWORD' });
  });

  it('defines those users in ClickHouse with passwords from the environment compose passes', () => {
    const users = read('clickhouse/users.d/logline-users.xml');
    const passwords = [...users.matchAll(/<(logline_\w+)>\s*<password from_env="(\w+)"\/>/g)].map(([, user, variable]) => [user, variable]);
    expect(passwords).toEqual([
      ['logline_writer', 'LOGLINE_WRITER_PASSWORD'],
      ['logline_reader', 'LOGLINE_READER_PASSWORD'],
      ['logline_migrator', 'LOGLINE_MIGRATOR_PASSWORD'],
    ]);
    for (const [, variable] of passwords) expect(services['clickhouse'].environment?.[variable]).toBe(`\${${variable}:?set it in deploy/.env}`);
    expect(users).toContain('<default remove="remove"/>');
  });

  it('points the generator at the HTTP source', () => {
    const source = vector['sources']['http_ingest'];
    expect(services['generator'].command?.slice(0, 2)).toEqual(['--target', `http://vector:${String(source['address']).split(':').pop()}${String(source['path'])}`]);
  });

  it('has Prometheus scrape every app and Vector where compose runs them', () => {
    const scrape = parse(read('prometheus/prometheus.yml')) as { scrape_configs: { static_configs: { targets: string[] }[] }[] };
    const targets = scrape.scrape_configs.flatMap((job) => job.static_configs.flatMap((config) => config.targets)).sort();
    const exporter = String(vector['sinks']['prometheus']['address']).split(':').pop();
    expect(targets).toEqual(['api:4000', 'generator:9464', `vector:${exporter}`, 'web:3000']);
    expect(services['generator'].command?.slice(-4)).toEqual(['--metrics-port', '9464', '--metrics-host', '0.0.0.0']);
    expect(services['prometheus'].volumes).toContain('./prometheus:/etc/prometheus:ro');
  });

  it('reads only variables that deploy/.env.example lists', () => {
    const listed = new Set([...read('.env.example').matchAll(/^(\w+)=/gm)].map(([, name]) => name));
    const used = new Set([...composeText.matchAll(/\$\{(\w+)/g)].map(([, name]) => name));
    expect([...used].filter((name) => !listed.has(name))).toEqual([]);
  });
});
