import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSecretFile } from './secret-file';

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
});
