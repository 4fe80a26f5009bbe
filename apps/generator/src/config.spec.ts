import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GeneratorConfig, parseConfig } from './config';

function configOf(argv: string[]): GeneratorConfig {
  const result = parseConfig(argv);
  if (result.kind !== 'ok') throw new Error(`expected a config, got ${JSON.stringify(result)}`);
  return result.config;
}

function problemsOf(argv: string[]): string[] {
  const result = parseConfig(argv);
  if (result.kind !== 'invalid') throw new Error(`expected problems, got ${JSON.stringify(result)}`);
  return result.problems;
}

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    expect(configOf([])).toEqual({
      target: { kind: 'http', origin: 'http://127.0.0.1:4000', path: '/api/v1/ingest', href: 'http://127.0.0.1:4000/api/v1/ingest' },
      rate: 1,
      count: undefined,
      batch: 500,
      seed: undefined,
      producer: undefined,
      producers: 1,
      sources: ['auth', 'payment', 'search', 'profile'],
      profile: 'steady',
      replay: undefined,
      retryDeadlineMs: 300_000,
      spool: undefined,
      levels: undefined,
      metrics: undefined,
    });
  });

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    const config = configOf([
      '--target=tcp://[::1]:4001', '--rate', '2.5', '--count', '10', '--batch=50', '--seed', '42',
      '--producer', 'load-a', '--producers', '3', '--sources', 'auth, billing', '--profile', 'wave',
      '--retry-deadline', '90s', '--spool', '/tmp/spool.ndjson',
    ]);
    expect(config).toMatchObject({
      target: { kind: 'tcp', host: '::1', port: 4001 },
      rate: 2.5, count: 10, batch: 50, seed: 42, producer: 'load-a', producers: 3,
      sources: ['auth', 'billing'], profile: 'wave', retryDeadlineMs: 90_000, spool: '/tmp/spool.ndjson',
    });
  });

  it('keeps the query of an http target and accepts https', () => {
    expect(configOf(['--target', 'https://logs.example.com/ingest?token=a']).target).toEqual({
      kind: 'http', origin: 'https://logs.example.com', path: '/ingest?token=a', href: 'https://logs.example.com/ingest?token=a',
    });
  });

  it('returns a frozen config', () => {
    const config = configOf(['--sources', 'a,b']);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.sources)).toBe(true);
    expect(Object.isFrozen(config.target)).toBe(true);
  });

  it('reads --replay-time and refuses it without --replay', () => {
    expect(problemsOf(['--replay-time', 'later'])).toEqual([
      "--replay-time must be original or now, got 'later'",
      '--replay-time goes with --replay',
    ]);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf([
      '--rate', 'fast', '--count', '0', '--batch', '1.5', '--seed', 'x', '--profile', 'spiky', '--producers', '0',
      '--target', 'ftp://host/x', '--retry-deadline', '5 minutes', '--bogus', 'extra',
    ]);
    expect(problems).toEqual([
      'unknown flag --bogus',
      "unexpected argument 'extra'",
      "--producers must be an integer from 1 to 1000, got '0'",
      "--target must be http(s)://host[:port]/path or tcp://host:port, got 'ftp://host/x'",
      "--rate must be a number from 0 to 10000000, got 'fast'",
      "--count must be a positive integer, got '0'",
      "--batch must be an integer from 1 to 100000, got '1.5'",
      "--seed must be a non-negative integer, got 'x'",
      "--profile must be steady, burst, wave, got 'spiky'",
      "--retry-deadline must be a duration such as 30s or 5m, got '5 minutes'",
    ]);
  });

  it('says which flag lacks its value', () => {
    expect(problemsOf(['--count', '--seed=5', '--batch'])).toEqual(['--count needs a value', '--batch needs a value']);
    expect(problemsOf(['--count', '-5'])).toEqual(["--count must be a positive integer, got '-5'"]);
  });

  it('refuses a tcp target without a port and a producer id with spaces', () => {
    expect(problemsOf(['--target', 'tcp://host', '--producer', 'a b'])).toHaveLength(2);
  });

  it('answers help for -h and --help', () => {
    expect(parseConfig(['-h']).kind).toBe('help');
    expect(parseConfig(['--rate', '3', '--help']).kind).toBe('help');
  });

  it('answers version for --version', () => {
    expect(parseConfig(['--version']).kind).toBe('version');
  });

  describe('replay', () => {
    const directory = mkdtempSync(join(tmpdir(), 'generator-config-'));
    const file = join(directory, 'app.log');
    writeFileSync(file, 'one line\n');

    it('takes a readable file and a source, and sends as fast as accepted unless paced', () => {
      expect(configOf(['--replay', file, '--source', 'sshd'])).toMatchObject({ replay: { file, source: 'sshd' }, rate: 0 });
      expect(configOf(['--replay', file, '--source', 'sshd', '--rate', '20']).rate).toBe(20);
    });

    it('refuses flags that do not go with it', () => {
      expect(problemsOf(['--replay', join(directory, 'missing.log'), '--sources', 'a', '--producers', '2'])).toEqual([
        `--replay must be a readable file, got '${join(directory, 'missing.log')}'`,
        '--replay needs --source NAME',
        '--sources does not apply to --replay (use --source)',
        '--replay sends one file once: it takes a single producer',
      ]);
      expect(problemsOf(['--replay', directory, '--source', 'x'])).toEqual([`--replay must be a readable file, got '${directory}'`]);
      expect(problemsOf(['--source', 'x'])).toEqual(['--source goes with --replay (generated events use --sources)']);
    });
  });

  it('reads --levels (any case, aliases) and --metrics-port with its host', () => {
    expect(configOf(['--levels', 'critical,ERROR,warn', '--metrics-port', '0'])).toMatchObject({
      levels: ['CRITICAL', 'ERROR', 'WARNING'],
      metrics: { host: '127.0.0.1', port: 0 },
    });
    expect(configOf(['--metrics-port', '9464', '--metrics-host', '0.0.0.0']).metrics).toEqual({ host: '0.0.0.0', port: 9464 });
    expect(problemsOf(['--levels', 'CRITICAL,LOUD', '--metrics-port', '70000', '--metrics-host', 'x'])).toEqual([
      "--metrics-port must be a port from 0 to 65535, got '70000'",
      "--levels must be a comma-separated list of DEBUG, INFO, WARNING, ERROR, CRITICAL, got 'CRITICAL,LOUD'",
    ]);
    expect(problemsOf(['--metrics-host', 'x'])).toEqual(['--metrics-host goes with --metrics-port']);
  });

  it('needs --producer with --spool, so a restart resumes the same producer', () => {
    expect(problemsOf(['--spool', '/tmp/x'])).toEqual(['--spool needs --producer, so that a restart resumes the same producer']);
  });

  describe('the ingest token', () => {
    const tokenFile = (text: string) => {
      const file = join(mkdtempSync(join(tmpdir(), 'logline-token-')), 'token');
      writeFileSync(file, text);
      return file;
    };

    it('reads it from --token-file, without the trailing newline, or from LOGLINE_TOKEN', () => {
      expect(configOf(['--token-file', tokenFile('ll_abc\n')]).token).toBe('ll_abc');
      const fromEnv = parseConfig([], { LOGLINE_TOKEN: 'll_env' });
      expect(fromEnv.kind === 'ok' && fromEnv.config.token).toBe('ll_env');
    });

    it('refuses an empty or unreadable file, and both ways at once', () => {
      expect(problemsOf(['--token-file', tokenFile('\n')])).toEqual([expect.stringMatching(/^--token-file: .* is empty$/)]);
      expect(problemsOf(['--token-file', '/no/such/token'])).toEqual([expect.stringMatching(/^--token-file: cannot read \/no\/such\/token/)]);
      const both = parseConfig(['--token-file', tokenFile('ll_abc')], { LOGLINE_TOKEN: 'll_env' });
      expect(both.kind === 'invalid' && both.problems).toEqual(['--token-file and LOGLINE_TOKEN both give a token: use one']);
    });
  });
});
