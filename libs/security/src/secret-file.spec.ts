import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSecretFile, readSecretSetting } from './secret-file';

describe('readSecretFile', () => {
  const folder = mkdtempSync(join(tmpdir(), 'logline-secret-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(folder, name), text);
    return join(folder, name);
  };

  it('reads the secret without the trailing newline an editor or echo adds', () => {
    expect(readSecretFile(file('token', 's3cret value\n'), 'API_TOKEN_FILE')).toBe('s3cret value');
  });

  it('refuses an empty or missing file, naming the setting', () => {
    expect(() => readSecretFile(file('empty', '\n'), 'API_TOKEN_FILE')).toThrow(/^API_TOKEN_FILE: .*empty is empty$/);
    expect(() => readSecretFile(join(folder, 'missing'), 'API_TOKEN_FILE')).toThrow(/^API_TOKEN_FILE: cannot read .*missing/);
  });

  it('reads a setting from NAME or from the file NAME_FILE names, and refuses both', () => {
    expect(readSecretSetting({ API_TOKEN: 'll_direct' }, 'API_TOKEN')).toEqual({ value: 'll_direct' });
    expect(readSecretSetting({ API_TOKEN_FILE: file('api-token', 'll_file\n') }, 'API_TOKEN')).toEqual({ value: 'll_file' });
    expect(readSecretSetting({}, 'API_TOKEN')).toEqual({ value: undefined });
    expect(readSecretSetting({ API_TOKEN: 'a', API_TOKEN_FILE: file('both', 'b') }, 'API_TOKEN')).toEqual({
      problem: 'API_TOKEN and API_TOKEN_FILE are both set: use one (the file)',
    });
    expect(readSecretSetting({ API_TOKEN_FILE: join(folder, 'missing') }, 'API_TOKEN').problem).toMatch(/^API_TOKEN_FILE: cannot read/);
  });
});
