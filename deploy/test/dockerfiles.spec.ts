import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintDockerfile } from './dockerfile-rules';

const APPS = { api: [4000, 4001], web: [3000], generator: [] } as const;

function dockerfileOf(app: string): string {
  return readFileSync(join(__dirname, '..', 'docker', `${app}.Dockerfile`), 'utf8');
}

describe.each(Object.entries(APPS))('deploy/docker/%s.Dockerfile', (app, ports) => {
  const content = dockerfileOf(app);

  it('passes the Dockerfile lint', () => {
    expect(lintDockerfile(content)).toEqual([]);
  });

  it(`builds the ${app} bundle in the workspace and runs it on node 20 bookworm-slim`, () => {
    expect(content).toContain(`RUN npx nx build ${app}`);
    expect(content).toContain(`COPY --from=build /workspace/dist/apps/${app}/ ./`);
    expect(content).toContain('RUN npm ci --omit=dev');
    expect(content.match(/^FROM node:20\.[\d.]+-bookworm-slim$/m)).not.toBeNull();
  });

  it('exposes the ports the app listens on', () => {
    const exposed = /^EXPOSE (.+)$/m.exec(content)?.[1].split(' ').map(Number) ?? [];
    expect(exposed).toEqual([...ports]);
  });
});

describe('lintDockerfile', () => {
  const good = dockerfileOf('web');

  it.each([
    ['an unpinned base image', good.replace('FROM node:20.20.2-bookworm-slim\n', 'FROM node:latest\n'), 'FROM node:latest: pin the base image'],
    ['a base image without a tag', good.replace('FROM node:20.20.2-bookworm-slim\n', 'FROM node\n'), 'FROM node: pin the base image'],
    ['root at run time', good.replace('USER node', 'USER root'), 'non-root USER'],
    ['no healthcheck', good.replace(/^HEALTHCHECK[\s\S]*?\n(?=CMD)/m, ''), 'needs a HEALTHCHECK'],
    ['an ADD of a URL', good.replace('WORKDIR /app', 'WORKDIR /app\nADD https://example.org/x.tgz /tmp/'), 'use COPY, not ADD'],
    ['a single stage', good.replace(/^FROM [^\n]* AS build[\s\S]*?(?=^# The bundle)/m, ''), 'multi-stage'],
    ['two CMDs (dockerfile-utils)', `${good}CMD ["node"]\n`, 'only be one CMD'],
  ])('reports %s', (_case, content, problem) => {
    expect(lintDockerfile(content).join('\n')).toContain(problem);
  });
});
