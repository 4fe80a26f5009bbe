import { packageSystemOf, parseOsRelease } from './host-system';

describe('parseOsRelease', () => {
  it('reads KEY=value lines with and without quotes, skipping comments', () => {
    const text = '# os-release\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID=\'12\'\n\n';
    expect(parseOsRelease(text)).toEqual({ PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)', ID: 'debian', VERSION_ID: '12' });
  });
});

describe('packageSystemOf', () => {
  it.each([
    [{ ID: 'debian' }, 'debian'],
    [{ ID: 'raspbian', ID_LIKE: 'debian' }, 'debian'],
    [{ ID: 'ubuntu', ID_LIKE: 'debian' }, 'ubuntu'],
    [{ ID: 'linuxmint', ID_LIKE: 'ubuntu debian' }, 'ubuntu'],
    [{ ID: 'fedora' }, 'other'],
    [{}, 'other'],
  ])('%j is %s', (release, system) => {
    expect(packageSystemOf(release)).toBe(system);
  });
});
