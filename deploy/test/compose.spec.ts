import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PACKAGE_VERSION } from './workspace';

const DEPLOY = join(__dirname, '..');
const read = (path: string) => readFileSync(join(DEPLOY, path), 'utf8');
const composeText = read('compose.yaml');

interface Service {
  image: string;
  build?: { context: string; dockerfile: string };
  entrypoint?: string[];
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  secrets?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
}

interface Compose {
  services: Record<string, Service>;
  secrets: Record<string, { file: string }>;
  networks: { default: { ipam: { config: { subnet: string; ip_range: string }[] } } };
}

const compose = parse(composeText) as Compose;
const services = compose.services;
const vector = parse(read('vector/vector.yaml')) as Record<string, Record<string, Record<string, unknown>>>;
const sources = vector['sources'];

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

  it("follows a release: npm's version hook sets every compose file's and .env.example's default tag", () => {
    const root = mkdtempSync(join(tmpdir(), 'logline-version-'));
    mkdirSync(join(root, 'deploy'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '9.8.7-rc.1' }));
    const copied = readdirSync(DEPLOY).filter((name) => /^compose.*\.ya?ml$/.test(name) || name === '.env.example');
    for (const name of copied) copyFileSync(join(DEPLOY, name), join(root, 'deploy', name));
    const script = join(DEPLOY, '..', 'tools', 'set-image-version.mjs');
    execFileSync(process.execPath, [script, root]);
    for (const name of copied) {
      const text = readFileSync(join(root, 'deploy', name), 'utf8');
      expect(text).not.toContain(PACKAGE_VERSION);
      expect(text).toMatch(/LOGLINE_VERSION(:-|=)9\.8\.7-rc\.1/);
    }
    const hook = (JSON.parse(readFileSync(join(DEPLOY, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['version'];
    expect(hook).toContain('tools/set-image-version.mjs');
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

  it('publishes ingest, web and ClickHouse each on its own address, which must be set; the rest on loopback or not at all', () => {
    const published = Object.fromEntries(Object.entries(services).map(([name, service]) => [name, service.ports ?? []]));
    expect(published).toEqual({
      clickhouse: ['${LOGLINE_CLICKHOUSE_ADDRESS:?set it in deploy/.env}:8123:8123'],
      migrate: [],
      vector: [4080, 4081, 4318, '5514/tcp'].map((port) => `\${LOGLINE_INGEST_ADDRESS:?set it in deploy/.env}:${String(port).split('/')[0]}:${port}`),
      api: ['127.0.0.1:4000:4000'],
      web: ['${LOGLINE_WEB_ADDRESS:?set it in deploy/.env}:3000:3000'],
      generator: [],
      prometheus: ['127.0.0.1:9090:9090'],
      grafana: ['127.0.0.1:3001:3000'],
    });
    const listening = [sources['http_ingest'], sources['tcp_ingest'], sources['otlp_http'], sources['syslog_tcp']].map((source) => String(source['address']).split(':').pop());
    expect(listening).toEqual(['4080', '4081', '4318', '5514']);
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
    // The reader may not insert: the api leaves ingest to Vector, and writes its shared state as the writer.
    expect(services['api'].environment).toMatchObject({
      CLICKHOUSE_USER: 'logline_reader',
      CLICKHOUSE_WRITER_USER: 'logline_writer',
      CLICKHOUSE_WRITER_PASSWORD_FILE: '/run/secrets/clickhouse_writer_password',
      MIGRATE_ON_START: 'false',
      INGEST_ENABLED: 'false',
    });
    expect(vector['sinks']['clickhouse_logs']['auth']).toMatchObject({ user: 'logline_writer', password: 'SECRET[files.clickhouse_writer_password]' });
    expect(vector['sinks']['clickhouse_dead_letters']['auth']).toMatchObject({ user: 'logline_writer', password: 'SECRET[files.clickhouse_writer_password]' });
  });

  describe('refuses to start insecurely', () => {
    it('turns on every safeguard: api tokens, web sign-in, and no switch that lets them off', () => {
      expect(composeText).not.toMatch(/ALLOW_UNAUTHENTICATED_BIND|WEB_ALLOW_ANONYMOUS/);
      expect(services['api'].environment).toMatchObject({ API_TOKENS_FILE: '/run/secrets/api_tokens', API_ALLOWED_HOSTS: 'api' });
      expect(services['web'].environment).toMatchObject({
        API_TOKEN_FILE: '/run/secrets/api_web_token',
        WEB_USERS_FILE: '/run/secrets/web_users',
        WEB_SESSION_SECRET_FILE: '/run/secrets/web_session_secret',
        WEB_METRICS_TOKEN_FILE: '/run/secrets/web_metrics_token',
      });
    });

    it('keeps every password, token and key in a secret file the service mounts, none in the environment', () => {
      for (const [name, service] of Object.entries(services)) {
        for (const [variable, value] of Object.entries(service.environment ?? {})) {
          if (/PASSWORD|TOKEN|SECRET|_KEY/.test(variable)) expect([name, variable]).toEqual([name, expect.stringMatching(/_FILE$/)]);
          if (variable.endsWith('_FILE') || variable === 'NODE_EXTRA_CA_CERTS') {
            if (value.startsWith('/run/secrets/')) expect(service.secrets).toContain(value.replace('/run/secrets/', ''));
          }
        }
      }
      for (const [name, secret] of Object.entries(compose.secrets)) expect(secret).toEqual({ file: `./secrets/${name}` });
      const used = new Set(Object.values(services).flatMap((service) => service.secrets ?? []));
      expect([...used].sort()).toEqual(Object.keys(compose.secrets).sort());
      const vectorSecrets = [...read('vector/vector.yaml').matchAll(/SECRET\[files\.(\w+)\]|\/run\/secrets\/(\w+)/g)].map(([, a, b]) => a ?? b);
      for (const secret of vectorSecrets) expect(services['vector'].secrets).toContain(secret);
    });

    it('lets ClickHouse users in from the compose services only, excluding the gateway every published port comes through', () => {
      const [network] = compose.networks.default.ipam.config;
      expect(network).toEqual({ subnet: '${LOGLINE_NETWORK_SUBNET:?set it in deploy/.env}', ip_range: '${LOGLINE_SERVICE_ADDRESSES:?set it in deploy/.env}' });
      expect(services['clickhouse'].environment?.['LOGLINE_CLICKHOUSE_CLIENTS']).toBe('${LOGLINE_SERVICE_ADDRESSES:?set it in deploy/.env}');
      const example = read('.env.example');
      const subnet = /^LOGLINE_NETWORK_SUBNET=(.+)$/m.exec(example)?.[1] ?? '';
      const range = /^LOGLINE_SERVICE_ADDRESSES=(.+)$/m.exec(example)?.[1] ?? '';
      const gateway = subnet.replace(/\.0\/\d+$/, '.1');
      expect(cidrContains(subnet, range.split('/')[0])).toBe(true);
      expect(cidrContains(range, gateway)).toBe(false);
    });

    it('takes events over TLS only: HTTP with the ingest token, TCP with a client certificate of the stack', () => {
      const tls = { enabled: true, crt_file: '/run/secrets/ingest_tls_cert', key_file: '/run/secrets/ingest_tls_key' };
      for (const name of ['http_ingest', 'otlp_http']) {
        expect(sources[name]['tls']).toEqual(tls);
        expect(sources[name]['auth']).toEqual(sources['http_ingest']['auth']);
      }
      expect(sources['http_ingest']['auth']).toMatchObject({ strategy: 'custom', source: expect.stringContaining('SECRET[files.ingest_token]') });
      for (const name of ['tcp_ingest', 'syslog_tcp']) {
        expect(sources[name]['tls']).toEqual({ ...tls, ca_file: '/run/secrets/ingest_ca_cert', verify_certificate: true });
      }
      // Syslog over UDP can be neither authenticated nor encrypted: compose does not publish it.
      expect(services['vector'].ports?.some((port) => port.endsWith('/udp'))).toBe(false);
      expect(services['generator'].command?.slice(0, 4)).toEqual(['--target', `https://vector:4080${String(sources['http_ingest']['path'])}`, '--token-file', '/run/secrets/ingest_token']);
      expect(services['generator'].environment).toEqual({ NODE_EXTRA_CA_CERTS: '/run/secrets/ingest_ca_cert' });
    });
  });

  it('has Prometheus scrape every app and Vector where compose runs them, with their tokens', () => {
    const scrape = parse(read('prometheus/prometheus.yml')) as {
      scrape_configs: { job_name: string; authorization?: { credentials_file: string }; static_configs: { targets: string[] }[] }[];
    };
    const targets = scrape.scrape_configs.flatMap((job) => job.static_configs.flatMap((config) => config.targets)).sort();
    const exporter = String(vector['sinks']['prometheus']['address']).split(':').pop();
    expect(targets).toEqual(['api:4000', 'generator:9464', `vector:${exporter}`, 'web:3000']);
    const credentials = Object.fromEntries(scrape.scrape_configs.map((job) => [job.job_name, job.authorization?.credentials_file]));
    expect(credentials).toMatchObject({ 'logline-api': '/run/secrets/api_prometheus_token', 'logline-web': '/run/secrets/web_metrics_token' });
    for (const file of Object.values(credentials).filter(Boolean)) expect(services['prometheus'].secrets).toContain(String(file).replace('/run/secrets/', ''));
    expect(services['generator'].command?.slice(-4)).toEqual(['--metrics-port', '9464', '--metrics-host', '0.0.0.0']);
    expect(services['prometheus'].volumes).toContain('./prometheus:/etc/prometheus:ro');
  });

  it('reads only variables that deploy/.env.example lists', () => {
    const listed = new Set([...read('.env.example').matchAll(/^(\w+)=/gm)].map(([, name]) => name));
    const used = new Set([...composeText.matchAll(/\$\{(\w+)/g)].map(([, name]) => name));
    expect([...used].filter((name) => !listed.has(name))).toEqual([]);
  });
});

/** Does the IPv4 CIDR block `cidr` contain `address`? */
function cidrContains(cidr: string, address: string): boolean {
  const [base, bits] = cidr.split('/');
  const toNumber = (ip: string) => ip.split('.').reduce((value, part) => value * 256 + Number(part), 0);
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(toNumber(base) / size) * size;
  return toNumber(address) >= start && toNumber(address) < start + size;
}
