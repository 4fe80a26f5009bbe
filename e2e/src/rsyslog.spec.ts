/**
 * The README's rsyslog snippet, as written, in a real rsyslogd: messages it receives are forwarded
 * with omfwd (RFC 5424, octet counting over TCP) to the built api's syslog port and stored.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testToolPath } from '@logline/test-tools';
import { freePort } from '@logline/testing';
import { runTool } from './support/clients';
import { startProtocolApi, type ProtocolApi } from './support/protocol-api';

/** The rsyslog configuration the README gives, for the api's syslog port. */
function readmeSnippet(syslogPort: number): string {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('**rsyslog**'));
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('the README has no rsyslog snippet');
  return block.replace('port="5514"', `port="${syslogPort}"`);
}

describe('rsyslog forwarding with the README snippet', () => {
  const folder = mkdtempSync(join(tmpdir(), 'logline-rsyslog-'));
  let api: ProtocolApi;
  let rsyslogd: ChildProcess;
  let inputPort: number;

  beforeAll(async () => {
    api = await startProtocolApi();
    inputPort = await freePort();
    const config = `global(workDirectory="${folder}")\nmodule(load="imtcp")\ninput(type="imtcp" port="${inputPort}")\n${readmeSnippet(api.syslogPort)}`;
    writeFileSync(join(folder, 'rsyslog.conf'), config);
    rsyslogd = spawn(testToolPath('rsyslogd'), ['-n', '-f', join(folder, 'rsyslog.conf'), '-i', join(folder, 'rsyslogd.pid')], { stdio: 'ignore' });
    // rsyslogd is listening once logger can connect to its input.
    for (let attempt = 0; (await runTool(testToolPath('logger'), ['-n', '127.0.0.1', '-P', String(inputPort), '-T', '-t', 'probe', 'ready?'])).code !== 0; attempt += 1) {
      if (attempt > 50) throw new Error('rsyslogd did not start listening');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    rsyslogd?.kill('SIGTERM');
    await api?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('stores what rsyslog forwards, severity, application and host included', async () => {
    const sent = await runTool(testToolPath('logger'), ['-n', '127.0.0.1', '-P', String(inputPort), '-T', '-t', 'via-rsyslog', '-p', 'mail.warning'], 'queue full\n');
    expect(sent.code).toBe(0);
    const [row] = await api.waitForRows('source=via-rsyslog', 1);
    expect(row).toMatchObject({ message: 'queue full', log_level: 'WARNING', source: 'via-rsyslog', attributes: expect.objectContaining({ facility: 'mail' }) });
    expect(row.host).not.toBe('');
  });
});
