/**
 * deploy/cluster: the compose file, ClickHouse's and Keeper's configs and the Caddyfile name the
 * same hosts, shards and cluster, so the stack is one cluster rather than seven lone servers.
 * (Docker cannot run here; these are the agreements a typo would break.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const CLUSTER_DIR = join(__dirname, '..', 'cluster');
const read = (path: string) => readFileSync(join(CLUSTER_DIR, path), 'utf8');

interface Service {
  image?: string;
  environment?: Record<string, string>;
  volumes?: string[];
  secrets?: string[];
  ports?: string[];
  networks?: { default?: { aliases?: string[] } };
}

const compose = parse(read('compose.yaml'), { merge: true }) as { services: Record<string, Service>; secrets: Record<string, { file: string }> };
const services = compose.services;
const names = Object.keys(services);
const clusterXml = read('clickhouse/cluster.xml');
const caddyfile = read('Caddyfile');

/** The replicas of each shard in cluster.xml's `logline` cluster, in order. */
const shards = [...clusterXml.matchAll(/<shard>([\s\S]*?)<\/shard>/g)].map(([, shard]) => [...shard.matchAll(/<host>([\w-]+)<\/host>/g)].map(([, host]) => host));

describe('deploy/cluster/compose.yaml', () => {
  it('runs 2 shards x 2 replicas, each node with its own shard and replica macro, as cluster.xml lists them', () => {
    expect(shards).toEqual([
      ['ch-s1-r1', 'ch-s1-r2'],
      ['ch-s2-r1', 'ch-s2-r2'],
    ]);
    shards.forEach((replicas, index) => {
      for (const host of replicas) {
        expect(services[host].environment).toMatchObject({ LOGLINE_SHARD: String(index + 1), LOGLINE_REPLICA: host, LOGLINE_NODE_HOST: host });
        expect(services[host].volumes).toContain(`${host}-data:/var/lib/clickhouse`);
        expect(services[host].secrets).toContain('clickhouse_cluster_secret');
      }
    });
  });

  it('runs three Keepers with distinct ids, each in the raft configuration and in every node\'s zookeeper list', () => {
    const keepers = names.filter((name) => name.startsWith('keeper-'));
    expect(keepers.map((name) => services[name].environment?.['LOGLINE_KEEPER_ID'])).toEqual(['1', '2', '3']);
    const raft = [...read('keeper/keeper.xml').matchAll(/<id>(\d)<\/id><hostname>([\w-]+)<\/hostname>/g)].map(([, id, host]) => `${host}:${id}`);
    expect(raft).toEqual(['keeper-1:1', 'keeper-2:2', 'keeper-3:3']);
    expect([...clusterXml.matchAll(/<node><host>([\w-]+)<\/host><port>9181<\/port><\/node>/g)].map(([, host]) => host)).toEqual(keepers);
  });

  it('migrates and serves with CLICKHOUSE_CLUSTER naming the cluster of remote_servers, through the balancer', () => {
    const cluster = /<remote_servers>\s*<(\w+)>/.exec(clusterXml)?.[1];
    for (const name of ['migrate', 'api-1', 'api-2']) {
      expect(services[name].environment).toMatchObject({ CLICKHOUSE_CLUSTER: cluster, CLICKHOUSE_URL: 'http://lb:8123' });
    }
    expect(services['migrate'].environment?.['CLICKHOUSE_USER']).toBe('logline_migrator');
    for (const name of ['api-1', 'api-2']) {
      expect(services[name].environment).toMatchObject({ CLICKHOUSE_USER: 'logline_reader', CLICKHOUSE_WRITER_USER: 'logline_writer' });
      expect(services[name].secrets).toEqual(expect.arrayContaining(['clickhouse_reader_password', 'clickhouse_writer_password']));
    }
    expect(read('clickhouse/cluster-secret.sh')).toContain(`<remote_servers><${cluster}><secret>`);
  });

  it('puts two api and two web replicas behind Caddy, which also fronts every ClickHouse node as `clickhouse` for Vector', () => {
    const upstreams = (port: number) => new RegExp(`^:${port} \\{\\n\\treverse_proxy ([^{]+) \\{`, 'm').exec(caddyfile)?.[1].trim().split(' ');
    expect(upstreams(3000)).toEqual(['web-1:3000', 'web-2:3000']);
    expect(upstreams(4000)).toEqual(['api-1:4000', 'api-2:4000']);
    expect(upstreams(8123)).toEqual(shards.flat().map((host) => `${host}:8123`));
    expect(services['web-1'].environment).toEqual(services['web-2'].environment);
    expect(services['web-1'].environment?.['API_URL']).toBe('http://lb:4000');
    expect(services['lb'].networks?.default?.aliases).toEqual(['clickhouse']);
    expect(read('../vector/vector.yaml')).toContain('endpoint: http://clickhouse:8123');
  });

  it('mounts files that exist and uses secrets make-secrets.sh makes (web_users is written by hand)', () => {
    for (const mount of Object.values(services).flatMap((service) => service.volumes ?? []).filter((volume) => volume.startsWith('.'))) {
      expect(existsSync(join(CLUSTER_DIR, mount.split(':')[0]))).toBe(true);
    }
    const made = readFileSync(join(CLUSTER_DIR, '..', 'make-secrets.sh'), 'utf8');
    for (const [name, secret] of Object.entries(compose.secrets)) {
      expect(secret).toEqual({ file: `../secrets/${name}` });
      if (name === 'web_users') continue;
      const user = /^clickhouse_(\w+)_password$/.exec(name)?.[1];
      if (user) expect(made).toMatch(new RegExp(`for user in [\\w ]*\\b${user}\\b`));
      else if (name.startsWith('ingest_tls_')) expect(made).toMatch(/^certificate ingest_tls /m);
      else if (name === 'ingest_ca_cert') expect(made).toContain('-out "$dir/ingest_ca_cert"');
      else expect(made).toMatch(new RegExp(`^keep ${name} `, 'm'));
    }
  });
});
