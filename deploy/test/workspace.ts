/** The workspace the deploy tests check, and the version in its package.json (Logline's one version). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const WORKSPACE = join(__dirname, '..', '..');

export const PACKAGE_VERSION = (JSON.parse(readFileSync(join(WORKSPACE, 'package.json'), 'utf8')) as { version: string }).version;
