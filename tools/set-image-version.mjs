#!/usr/bin/env node
// npm's `version` hook (`npm version 1.2.0` runs it after setting package.json, before its commit):
// the compose files and deploy/.env.example default their image tags to package.json's version,
// so a release commit carries the tag its own images are pushed under.
// Usage: node tools/set-image-version.mjs [workspace root, default .]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? '.';
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const deploy = join(root, 'deploy');
const rewrites = [
  ...readdirSync(deploy)
    .filter((name) => /^compose.*\.ya?ml$/.test(name))
    .map((name) => [name, /(\$\{LOGLINE_VERSION:-)[^}]*(\})/g]),
  ['.env.example', /^(LOGLINE_VERSION=).*()$/gm],
];
for (const [name, pattern] of rewrites) {
  const path = join(deploy, name);
  writeFileSync(path, readFileSync(path, 'utf8').replace(pattern, `$1${version}$2`));
  process.stdout.write(`deploy/${name}: image tag default ${version}\n`);
}
