/**
 * Logline's version, printed by each app's `--version` and in the api's health answer. Its one
 * source is the root package.json, which `npm version` sets while it tags the release commit
 * `v<version>`; esbuild inlines only this field into each bundle.
 */
// The workspace's manifest belongs to no project, which the boundary rule has no word for.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { version } from '../../../package.json';

export const LOGLINE_VERSION: string = version;
