/** Installs Debian/Ubuntu packages as root, with apt's own progress on the terminal. */
import { spawnSync } from 'node:child_process';

export function installWithApt(packages: readonly string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Wait for another apt run (e.g. unattended upgrades) instead of failing on its lock.
  const lockWait = ['-o', 'DPkg::Lock::Timeout=300'];
  for (const args of [['update'], ['install', '--yes', '--no-install-recommends', ...packages]]) {
    const result = spawnSync('apt-get', [...lockWait, ...args], { stdio: 'inherit', env });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}
