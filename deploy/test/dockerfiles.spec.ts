import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintDockerfile } from './dockerfile-rules';
import { WORKSPACE } from './workspace';

const APPS = { api: [4000, 4001], web: [3000], generator: [] } as const;

function dockerfileOf(app: string): string {
  return readFileSync(join(WORKSPACE, 'apps', app, 'Dockerfile'), 'utf8');
}

describe.each(Object.entries(APPS))('apps/%s/Dockerfile', (app, ports) => {
  const content = dockerfileOf(app);

  it('passes the Dockerfile lint', () => {
    expect(lintDockerfile(content)).toEqual([]);
  });

  it(`installs only the ${app}'s production dependencies, from the package.json and lock file its build generated, through npm's BuildKit cache`, () => {
    expect(content).toContain(`COPY dist/apps/${app}/package.json dist/apps/${app}/package-lock.json ./`);
    expect(content).toMatch(/^RUN --mount=type=cache,target=\/root\/\.npm,sharing=locked \\\n\s+npm ci --omit=dev /m);
    expect(content).toContain('COPY --from=dependencies /app/node_modules ./node_modules');
    expect(content).toContain(`COPY dist/apps/${app}/ ./`);
  });

  it('runs on Node 24 LTS, the same pinned version in every stage', () => {
    const bases = [...content.matchAll(/^FROM (\S+)/gm)].map(([, image]) => image);
    expect(bases).toHaveLength(2);
    expect(new Set(bases).size).toBe(1);
    expect(bases[0]).toMatch(/^node:24\.\d+\.\d+-bookworm-slim$/);
  });

  it('takes the version, revision and source labels from build arguments', () => {
    for (const [label, argument] of [['version', 'VERSION'], ['revision', 'REVISION'], ['source', 'SOURCE']]) {
      expect(content).toMatch(new RegExp(`^ARG ${argument}$`, 'm'));
      expect(content).toContain(`org.opencontainers.image.${label}="$${argument}"`);
    }
  });

  it('exposes the ports the app listens on', () => {
    const exposed = /^EXPOSE (.+)$/m.exec(content)?.[1].split(' ').map(Number) ?? [];
    expect(exposed).toEqual([...ports]);
  });
});

describe('lintDockerfile', () => {
  const good = dockerfileOf('web');
  const base = /^FROM (node:\S+)$/m.exec(good)?.[1] ?? '';

  it.each([
    ['an unpinned base image', good.replace(`FROM ${base}\n`, 'FROM node:latest\n'), 'FROM node:latest: pin the base image'],
    ['a base image without a tag', good.replace(`FROM ${base}\n`, 'FROM node\n'), 'FROM node: pin the base image'],
    ['root at run time', good.replace('USER node', 'USER root'), 'non-root USER'],
    ['no healthcheck', good.replace(/^HEALTHCHECK[\s\S]*?\n(?=# Last)/m, ''), 'needs a HEALTHCHECK'],
    ['an ADD of a URL', good.replace('WORKDIR /app', 'WORKDIR /app\nADD https://example.org/x.tgz /tmp/'), 'use COPY, not ADD'],
    ['a single stage', good.replace(/^FROM [^\n]* AS dependencies[\s\S]*?(?=^# The bundle)/m, ''), 'multi-stage'],
    ['no revision label', good.replace(/^ {2}org\.opencontainers\.image\.revision=.*\n/m, ''), 'needs the label org.opencontainers.image.revision'],
    ['two CMDs (dockerfile-utils)', `${good}CMD ["node"]\n`, 'only be one CMD'],
  ])('reports %s', (_case, content, problem) => {
    expect(content).not.toBe(good);
    expect(lintDockerfile(content).join('\n')).toContain(problem);
  });
});
