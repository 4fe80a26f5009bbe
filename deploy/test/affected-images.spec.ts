/**
 * `nx affected` rebuilds exactly the images whose inputs changed. In a scratch git repository
 * holding this workspace's files as they are now, a change to one app's Dockerfile, to a library
 * or to the image script must list, through `nx show projects --affected --withTarget
 * docker:build` (what CI builds images for), exactly the apps whose image holds it.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WORKSPACE } from './workspace';

const NX = join(WORKSPACE, 'node_modules', '.bin', 'nx');

// Nx computes the scratch workspace's project graph from scratch once: seconds on a busy machine.
jest.setTimeout(120_000);

let scratch: string;

function git(...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=logline-test', '-c', 'user.email=test@logline.invalid', ...args], { cwd: scratch, stdio: 'ignore' });
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'logline-affected-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: WORKSPACE, encoding: 'utf8' }).split('\0');
  for (const file of files.filter((path) => path && existsSync(join(WORKSPACE, path)))) {
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    copyFileSync(join(WORKSPACE, file), join(scratch, file));
  }
  symlinkSync(join(WORKSPACE, 'node_modules'), join(scratch, 'node_modules'));
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The apps whose image CI would build after appending a line to `file`, uncommitted, against HEAD. */
function imagesAffectedBy(file: string): string[] {
  appendFileSync(join(scratch, file), '\n# changed\n');
  try {
    // The Nx running this test exports its own workspace's variables: the scratch copy is another workspace.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NX_')));
    const output = execFileSync(NX, ['show', 'projects', '--affected', '--base=HEAD', '--withTarget', 'docker:build', '--json'], {
      cwd: scratch,
      encoding: 'utf8',
      env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
    return (JSON.parse(output) as string[]).sort();
  } finally {
    git('checkout', '--', file);
  }
}

it.each(['api', 'web', 'generator'])("a change to apps/%s/Dockerfile rebuilds that app's image and no other", (app) => {
  expect(imagesAffectedBy(`apps/${app}/Dockerfile`)).toEqual([app]);
});

it("a change to a library rebuilds the images of the apps that use it: ch-client is the api's alone", () => {
  expect(imagesAffectedBy('libs/ch-client/src/index.ts')).toEqual(['api']);
});

it('a change to the image script rebuilds every image', () => {
  expect(imagesAffectedBy('tools/build-image.sh')).toEqual(['api', 'generator', 'web']);
});
