/** deploy/prometheus: the scrape config and the pipeline's alert rules, checked and unit-tested by promtool. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promtool } from '@logline/test-tools';
import { WORKSPACE_ROOT } from '@logline/testing';

describe('deploy/prometheus', () => {
  it('promtool accepts the scrape config and the rule files it loads, with the secrets compose mounts', () => {
    // As compose mounts it: the folder, and the token files under the secrets folder.
    const folder = mkdtempSync(join(tmpdir(), 'logline-prometheus-'));
    cpSync(join(WORKSPACE_ROOT, 'deploy', 'prometheus'), join(folder, 'prometheus'), { recursive: true });
    mkdirSync(join(folder, 'secrets'));
    const config = readFileSync(join(folder, 'prometheus', 'prometheus.yml'), 'utf8');
    const secrets = [...config.matchAll(/credentials_file: \/run\/secrets\/(\w+)/g)].map(([, name]) => name);
    for (const name of secrets) writeFileSync(join(folder, 'secrets', name), 'a-token\n');
    writeFileSync(join(folder, 'prometheus', 'prometheus.yml'), config.replaceAll('/run/secrets/', `${join(folder, 'secrets')}/`));

    const result = promtool(['check', 'config', join(folder, 'prometheus', 'prometheus.yml')]);
    expect(secrets.sort()).toEqual(['api_prometheus_token', 'web_metrics_token']);
    expect(result.output).toContain('SUCCESS: 1 rule files found');
    expect(result.code).toBe(0);
  });

  it('promtool accepts every rule file', () => {
    const result = promtool(['check', 'rules', 'deploy/prometheus/rules/logline-pipeline.yml'], { cwd: WORKSPACE_ROOT });
    expect(result.code).toBe(0);
  });

  it('every pipeline alert fires on the series that should trigger it (promtool test rules)', () => {
    const result = promtool(['test', 'rules', 'deploy/prometheus/tests/logline-pipeline.test.yml'], { cwd: WORKSPACE_ROOT });
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });
});
