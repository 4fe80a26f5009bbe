/**
 * tools/build-image.sh, which the Nx targets <app>:docker:build run: the docker command it
 * composes for a developer's build, for CI's multi-arch push and for a pull request's build. No
 * Docker engine runs here, so a `docker` on PATH prints its arguments instead.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_VERSION, WORKSPACE } from './workspace';

const revision = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: WORKSPACE, encoding: 'utf8' }).trim();
const bin = mkdtempSync(join(tmpdir(), 'logline-docker-'));
writeFileSync(join(bin, 'docker'), '#!/bin/sh\necho "docker $*"\n');
chmodSync(join(bin, 'docker'), 0o755);
afterAll(() => rmSync(bin, { recursive: true, force: true }));

function buildImage(args: string[], env: Record<string, string> = {}, cwd = WORKSPACE) {
  const result = spawnSync('sh', [join(WORKSPACE, 'tools', 'build-image.sh'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, ...env },
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

const common = (app: string) => `--file apps/${app}/Dockerfile --build-arg VERSION=${PACKAGE_VERSION} --build-arg REVISION=${revision}`;

it("builds one app for this machine from the workspace root, tagged with package.json's version, into the local Docker", () => {
  expect(buildImage(['web']).stdout).toBe(`docker buildx build ${common('web')} --build-arg SOURCE= --tag logline/logline-web:${PACKAGE_VERSION} --load .`);
});

it('passes extra docker options through, e.g. the api with its embedded engine', () => {
  expect(buildImage(['api', '--build-arg', 'EMBEDDED_ENGINE=true']).stdout).toBe(
    `docker buildx build ${common('api')} --build-arg SOURCE= --build-arg EMBEDDED_ENGINE=true --tag logline/logline-api:${PACKAGE_VERSION} --load .`,
  );
});

it("pushes CI's tags for both platforms with SBOM and provenance, in a lower-case registry", () => {
  const result = buildImage(['api'], {
    LOGLINE_REGISTRY: 'ghcr.io/Acme',
    LOGLINE_IMAGE_TAGS: `${revision}\n1.2.3\nlatest`,
    LOGLINE_PLATFORMS: 'linux/amd64,linux/arm64',
    LOGLINE_PUSH: 'true',
    LOGLINE_IMAGE_SOURCE: 'https://github.com/Acme/logline',
  });
  const tags = [revision, '1.2.3', 'latest'].map((tag) => `--tag ghcr.io/acme/logline-api:${tag}`).join(' ');
  expect(result.stdout).toBe(
    `docker buildx build ${common('api')} --build-arg SOURCE=https://github.com/Acme/logline ${tags} --platform linux/amd64,linux/arm64 --push --sbom=true --provenance=mode=max .`,
  );
});

it('builds both platforms of a pull request without pushing or loading anything', () => {
  const result = buildImage(['generator'], { LOGLINE_IMAGE_TAGS: revision, LOGLINE_PLATFORMS: 'linux/amd64,linux/arm64', LOGLINE_PUSH: 'false' });
  expect(result.stdout).toBe(`docker buildx build ${common('generator')} --build-arg SOURCE= --tag logline/logline-generator:${revision} --platform linux/amd64,linux/arm64 --output type=cacheonly .`);
});

it('refuses an unknown app, and an app whose bundle is not built, saying what to run', () => {
  expect(buildImage(['vector'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('usage: tools/build-image.sh api|web|generator') });
  const empty = mkdtempSync(join(tmpdir(), 'logline-no-bundle-'));
  try {
    expect(buildImage(['web'], {}, empty)).toEqual({ code: 2, stdout: '', stderr: 'dist/apps/web has no bundle: run npx nx run web:docker:build, which builds it first' });
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
