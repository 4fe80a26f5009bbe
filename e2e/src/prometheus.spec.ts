/** deploy/prometheus: the scrape config and the pipeline's alert rules, checked and unit-tested by promtool. */
import { promtool } from '@logline/test-tools';
import { WORKSPACE_ROOT } from '@logline/testing';

describe('deploy/prometheus', () => {
  it('promtool accepts the scrape config and the rule files it loads', () => {
    const result = promtool(['check', 'config', 'deploy/prometheus/prometheus.yml'], { cwd: WORKSPACE_ROOT });
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
