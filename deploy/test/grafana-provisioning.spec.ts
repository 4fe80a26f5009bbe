import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const DEPLOY = join(__dirname, '..');
const readYaml = <T>(path: string): T => parse(readFileSync(join(DEPLOY, path), 'utf8')) as T;

interface Service {
  image: string;
  environment: Record<string, string>;
  secrets: string[];
  volumes: string[];
  ports: string[];
}

const compose = readYaml<{ services: Record<string, Service>; secrets: Record<string, { environment?: string; file?: string }> }>('compose.yaml');
const grafana = compose.services['grafana'];
const datasource = readYaml<{ datasources: Array<{ uid: string; type: string; jsonData: Record<string, unknown>; secureJsonData: { password: string } }> }>(
  'grafana/provisioning/datasources/logline-clickhouse.yaml',
).datasources[0];
const provider = readYaml<{ providers: Array<{ options: { path: string } }> }>('grafana/provisioning/dashboards/logline.yaml').providers[0];
const dashboards = readdirSync(join(DEPLOY, 'grafana', 'dashboards')).map((file) => readFileSync(join(DEPLOY, 'grafana', 'dashboards', file), 'utf8'));

/** Where compose mounts a folder of deploy/ in the Grafana container. */
function mountOf(folder: string): string | undefined {
  return grafana.volumes.find((volume) => volume.startsWith(`${folder}:`))?.split(':')[1];
}

describe('deploy/grafana', () => {
  it('reads ClickHouse as the reader user, with the password from the compose secret', () => {
    expect(datasource).toMatchObject({ type: 'grafana-clickhouse-datasource', jsonData: { host: 'clickhouse', port: 8123, protocol: 'http', username: 'logline_reader', defaultDatabase: 'logs' } });
    const secret = /^\$__file\{\/run\/secrets\/(\w+)\}$/.exec(datasource.secureJsonData.password)?.[1] ?? '';
    expect(grafana.secrets).toContain(secret);
    expect(compose.secrets[secret]).toEqual({ file: './secrets/clickhouse_reader_password' });
    expect(compose.services['clickhouse'].ports[0].endsWith(':8123')).toBe(true);
    const users = readFileSync(join(DEPLOY, 'clickhouse', 'users.d', 'logline-users.xml'), 'utf8');
    expect(users).toMatch(/<logline_reader>[\s\S]*?<query>GRANT SELECT ON logs\.\*<\/query>/);
  });

  it('loads the dashboards from where compose mounts them, each on the provisioned data source', () => {
    expect(mountOf('./grafana/dashboards')).toBe(provider.options.path);
    expect(mountOf('./grafana/provisioning')).toBe('/etc/grafana/provisioning');
    const uids = dashboards.map((text) => (JSON.parse(text) as { uid: string }).uid);
    expect(new Set(uids).size).toBe(dashboards.length);
    for (const text of dashboards) {
      const referenced = new Set([...text.matchAll(/"uid": "([^"]+)"/g)].map(([, uid]) => uid).filter((uid) => !uids.includes(uid)));
      expect([...referenced]).toEqual([datasource.uid]);
    }
  });

  it('runs a pinned Grafana and plugin, anonymous access off, the admin password from a secret file, on this host only', () => {
    expect(grafana.image).toMatch(/^grafana\/grafana:\d+\.\d+\.\d+$/);
    expect(grafana.environment['GF_PLUGINS_PREINSTALL_SYNC']).toMatch(/^grafana-clickhouse-datasource@\d+\.\d+\.\d+$/);
    expect(grafana.environment).toMatchObject({ GF_AUTH_ANONYMOUS_ENABLED: 'false', GF_USERS_ALLOW_SIGN_UP: 'false', GF_SECURITY_ADMIN_PASSWORD__FILE: '/run/secrets/grafana_admin_password' });
    expect(compose.secrets['grafana_admin_password']).toEqual({ file: './secrets/grafana_admin_password' });
    expect(grafana.ports).toEqual(['127.0.0.1:3001:3000']);
  });
});
