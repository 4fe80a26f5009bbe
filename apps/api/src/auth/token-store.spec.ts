import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allows, createToken, loadTokenFile, TokenStore, type Principal } from './token-store';

describe('TokenStore', () => {
  it('authenticates a created token by its hash and checks scopes, admin holding all', () => {
    const reader = createToken('web', ['read']);
    const admin = createToken('ops', ['admin']);
    const store = new TokenStore([reader.entry, admin.entry]);
    expect(store.enabled).toBe(true);
    const principal = store.authenticate(reader.token) as Principal;
    expect(principal.name).toBe('web');
    expect(allows(principal, 'read')).toBe(true);
    expect(allows(principal, 'ingest')).toBe(false);
    expect(allows(store.authenticate(admin.token) as Principal, 'ingest')).toBe(true);
    expect(store.authenticate('ll_forged')).toBeUndefined();
    expect(JSON.stringify(reader.entry)).not.toContain(reader.token);
  });

  it('is off with no tokens', () => {
    expect(new TokenStore([]).enabled).toBe(false);
  });

  it('names the entry and field of a bad token file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokens-'));
    const path = join(dir, 'tokens.json');
    writeFileSync(path, JSON.stringify([{ name: 'a', scopes: ['read'], sha256: 'f'.repeat(64) }, { name: 'b', scopes: ['write'], sha256: 'x' }]));
    expect(() => loadTokenFile(path)).toThrow(/entry 2 \(b\): scopes must be/);
    rmSync(dir, { recursive: true });
  });
});
