import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMetrics } from '@logline/test-tools';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { USERS } from '../../../test/sign-in-driver';
import { writeUsersFile, type UsersFileFixture } from '../../../test/users-file-fixture';

describe('GET /metrics', () => {
  it('exposes request and process metrics that promtool accepts, with route templates as labels', async () => {
    const app = await buildApp(loadConfig({ API_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent' }));
    await app.inject('/healthz');
    await app.inject('/no/such/page/42');
    const response = await app.inject('/metrics');
    await app.close();

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.body).toContain('logline_web_http_request_duration_seconds_count{method="GET",route="/healthz",status_code="200"} 1');
    expect(response.body).toContain('route="unmatched",status_code="404"');
    expect(response.body).not.toContain('/no/such/page');
    expect(response.body).toContain('process_resident_memory_bytes');
    expect(checkMetrics(response.body)).toEqual({ code: 0, output: '' });
  });

  describe('with sign-in on', () => {
    let users: UsersFileFixture;
    const tokenFile = join(mkdtempSync(join(tmpdir(), 'logline-metrics-token-')), 'token');
    beforeAll(async () => {
      users = await writeUsersFile(USERS);
      writeFileSync(tokenFile, 'metrics-scraper-token\n');
    });
    afterAll(() => users.remove());
    const build = (env: Record<string, string> = {}) =>
      buildApp(loadConfig({ API_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent', WEB_USERS_FILE: users.path, ...env }));

    it('refuses /metrics when no token is set, saying which one to set', async () => {
      const app = await build();
      const response = await app.inject('/metrics');
      await app.close();

      expect(response.statusCode).toBe(401);
      expect(response.body).toContain('WEB_METRICS_TOKEN_FILE');
      expect(response.body).not.toContain('logline_web_http_request_duration_seconds');
    });

    it('serves /metrics to the bearer of WEB_METRICS_TOKEN_FILE only', async () => {
      const app = await build({ WEB_METRICS_TOKEN_FILE: tokenFile });
      const anonymous = await app.inject('/metrics');
      const wrong = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer guess' } });
      const scraper = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer metrics-scraper-token' } });
      await app.close();

      expect([anonymous.statusCode, wrong.statusCode, scraper.statusCode]).toEqual([401, 401, 200]);
      expect(scraper.body).toContain('logline_web_http_request_duration_seconds');
    });
  });
});
