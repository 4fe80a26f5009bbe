/**
 * The production perimeter's secrets and users: deploy/make-secrets.sh makes every secret compose
 * mounts, ClickHouse learns the passwords' hashes from them (clickhouse/logline-passwords.sh),
 * its users may do their one job only, and Vector's HTTP source lets in the ingest token only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute } from '@bpinternal/verel';
import { parse } from 'yaml';
import { readerSettings } from '@logline/ch-client';
import {
  ALERT_TRANSITIONS_TABLE,
  DASHBOARD_TILES_TABLE,
  DUPLICATES_TABLE,
  DATABASE,
  INGEST_ERRORS_TABLE,
  LOCAL_TABLE_SUFFIX,
  LOGS_TABLE,
  PATTERN_GROUPS_TABLE,
  SAVED_SEARCHES_TABLE,
  WEB_SESSION_ENDS_TABLE,
  SIGN_IN_ATTEMPTS_TABLE,
  RATE_LIMIT_HITS_TABLE,
} from '@logline/log-schema';

const DEPLOY = join(__dirname, '..');
const read = (path: string) => readFileSync(join(DEPLOY, path), 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('deploy/make-secrets.sh', () => {
  const folder = join(mkdtempSync(join(tmpdir(), 'logline-secrets-')), 'secrets');
  const secret = (name: string) => readFileSync(join(folder, name), 'utf8').trimEnd();
  beforeAll(() => {
    execFileSync('sh', [join(DEPLOY, 'make-secrets.sh'), folder], { env: { ...process.env, LOGLINE_INGEST_HOSTNAME: 'logs.example.com' }, stdio: 'pipe' });
  });

  it('makes every secret compose mounts but the users file, which it asks for', () => {
    const compose = parse(read('compose.yaml')) as { secrets: Record<string, { file: string }> };
    const made = new Set(readdirSync(folder));
    expect(Object.keys(compose.secrets).filter((name) => !made.has(name))).toEqual(['web_users']);
  });

  it('makes tokens the api knows by their hashes only', () => {
    const entries = JSON.parse(secret('api_tokens')) as { name: string; scopes: string[]; sha256: string }[];
    expect(entries).toEqual([
      { name: 'web', scopes: ['read', 'web'], sha256: sha256(secret('api_web_token')) },
      { name: 'prometheus', scopes: ['read'], sha256: sha256(secret('api_prometheus_token')) },
    ]);
    expect(readFileSync(join(folder, 'api_tokens'), 'utf8')).not.toContain(secret('api_web_token'));
  });

  it("signs Vector's certificate for its names and a client certificate for TCP producers with its own CA", () => {
    const verify = spawnSync('openssl', ['verify', '-CAfile', join(folder, 'ingest_ca_cert'), join(folder, 'ingest_tls_cert'), join(folder, 'ingest_client_cert')], { encoding: 'utf8' });
    expect(verify.stdout).toMatch(/ingest_tls_cert: OK\n.*ingest_client_cert: OK/);
    const names = execFileSync('openssl', ['x509', '-in', join(folder, 'ingest_tls_cert'), '-noout', '-ext', 'subjectAltName'], { encoding: 'utf8' });
    expect(names).toContain('DNS:vector, DNS:localhost, IP Address:127.0.0.1, DNS:logs.example.com');
  });

  it('keeps what exists when run again, and makes ingest tokens safe inside the Vector program', () => {
    const before = secret('ingest_token');
    execFileSync('sh', [join(DEPLOY, 'make-secrets.sh'), folder], { stdio: 'pipe' });
    expect(secret('ingest_token')).toBe(before);
    expect(before).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(secret('web_session_secret').length).toBeGreaterThanOrEqual(32);
  });
});

describe('deploy/clickhouse/logline-passwords.sh', () => {
  const run = (secrets: Record<string, string>) => {
    const root = mkdtempSync(join(tmpdir(), 'logline-ch-passwords-'));
    mkdirSync(join(root, 'secrets'));
    mkdirSync(join(root, 'users.d'));
    for (const [name, text] of Object.entries(secrets)) writeFileSync(join(root, 'secrets', name), text);
    const result = spawnSync('sh', [join(DEPLOY, 'clickhouse', 'logline-passwords.sh')], {
      env: { ...process.env, LOGLINE_SECRETS_DIR: join(root, 'secrets'), LOGLINE_USERS_D: join(root, 'users.d') },
      encoding: 'utf8',
    });
    const written = spawnSync('cat', [join(root, 'users.d', 'logline-passwords.xml')], { encoding: 'utf8' }).stdout;
    return { code: result.status, stderr: result.stderr, written };
  };

  it("writes each user's password hash, as the apps and Vector read the secret file", () => {
    const { code, written } = run({ clickhouse_writer_password: 'w-pass\n', clickhouse_reader_password: 'r-pass', clickhouse_migrator_password: 'm-pass  \n' });
    expect(code).toBe(0);
    expect(written).toContain(`<logline_writer><password_sha256_hex>${sha256('w-pass')}</password_sha256_hex></logline_writer>`);
    expect(written).toContain(`<logline_reader><password_sha256_hex>${sha256('r-pass')}</password_sha256_hex></logline_reader>`);
    expect(written).toContain(`<logline_migrator><password_sha256_hex>${sha256('m-pass')}</password_sha256_hex></logline_migrator>`);
    expect(written).not.toMatch(/-pass/);
  });

  it('stops ClickHouse from starting when a password file is missing or empty', () => {
    const { code, stderr, written } = run({ clickhouse_writer_password: 'w', clickhouse_reader_password: '' });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/clickhouse_reader_password is missing or empty/);
    expect(written).toBe('');
  });
});

describe('deploy/clickhouse users', () => {
  const users = read('clickhouse/users.d/logline-users.xml').replace(/<!--[\s\S]*?-->/g, '');
  const section = (name: string) => new RegExp(`<users>[\\s\\S]*<${name}>([\\s\\S]*?)</${name}>`).exec(users)?.[1] ?? '';
  const profile = (name: string) => new RegExp(`<profiles>[\\s\\S]*?<${name}>([\\s\\S]*?)</${name}>`).exec(users)?.[1] ?? '';

  it('removes the default user and gives passwords to no one in this file', () => {
    expect(users).toContain('<default remove="remove"/>');
    expect(users).not.toMatch(/<password/);
  });

  it('lets every user in from the compose services only', () => {
    for (const user of ['logline_writer', 'logline_reader', 'logline_migrator']) {
      expect(section(user)).toContain('<networks><ip from_env="LOGLINE_CLICKHOUSE_CLIENTS"/></networks>');
    }
  });

  it('lets the writer insert what Vector and the api write, on one server and on a cluster, and touch nothing else (not schema_migrations)', () => {
    const grants = [...section('logline_writer').matchAll(/<query>(.*)<\/query>/g)].map(([, query]) => query);
    const vectorWrites = [LOGS_TABLE, INGEST_ERRORS_TABLE];
    // The api's own ingest (INGEST_ENABLED with a server) also counts the duplicates it absorbs.
    const apiWrites = [
      DUPLICATES_TABLE,
      PATTERN_GROUPS_TABLE,
      SAVED_SEARCHES_TABLE,
      ALERT_TRANSITIONS_TABLE,
      WEB_SESSION_ENDS_TABLE,
      SIGN_IN_ATTEMPTS_TABLE,
      RATE_LIMIT_HITS_TABLE,
      DASHBOARD_TILES_TABLE,
    ];
    const tables = [...vectorWrites, ...apiWrites];
    expect(grants).toEqual([...tables, ...tables.map((table) => `${table}${LOCAL_TABLE_SUFFIX}`)].map((table) => `GRANT INSERT ON ${DATABASE}.${table}`));
  });

  it('keeps the reader read-only, changing only the settings the api sends, within caps', () => {
    const reader = profile('logline_reader');
    expect(reader).toContain('<readonly>1</readonly>');
    const changeable = [...reader.matchAll(/^\s*<(\w+)>.*<changeable_in_readonly\/><\/\1>$/gm)].map(([, name]) => name).sort();
    expect(changeable).toEqual([...settingsTheApiSends()].sort());
    expect(read('clickhouse/config.d/logline.xml')).toContain('<settings_constraints_replace_previous>true</settings_constraints_replace_previous>');
  });
});

/**
 * Every setting a read of the api sends: the reader's client settings, the compression switch the
 * client adds, and any SETTINGS clause of a query anywhere in libs/ch-client.
 */
function settingsTheApiSends(): Set<string> {
  const names = new Set(Object.keys(readerSettings({})));
  names.add('enable_http_compression');
  const source = join(DEPLOY, '..', 'libs', 'ch-client', 'src');
  const files = readdirSync(source, { recursive: true, encoding: 'utf8' });
  for (const file of files.filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))) {
    for (const [, clause] of readFileSync(join(source, file), 'utf8').matchAll(/SETTINGS ((?:\w+ = (?:\w+|'\w+'),? ?)+)/g)) {
      for (const [, name] of clause.matchAll(/(\w+) = /g)) names.add(name);
    }
  }
  return names;
}

describe("Vector's HTTP source authentication", () => {
  const vector = parse(read('vector/vector.yaml')) as { sources: Record<string, { auth: { source: string } }> };
  // Vector puts the secret into the program text before compiling it, as this does.
  const program = vector.sources['http_ingest'].auth.source.replace('SECRET[files.ingest_token]', 'a1b2c3');

  it.each([
    ['the ingest token', true, { authorization: 'Bearer a1b2c3' }],
    ['another token', false, { authorization: 'Bearer a1b2c4' }],
    ['the token without Bearer', false, { authorization: 'a1b2c3' }],
    ['no Authorization header', false, {}],
  ])('a request with %s is let in: %s', (_case, allowed, headers) => {
    expect(execute(program, { headers, address: '10.0.0.1', path: '/api/v1/ingest' }).result).toBe(allowed);
  });
});
