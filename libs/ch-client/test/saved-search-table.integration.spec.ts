import { randomUUID } from 'node:crypto';
import { SavedSearchTable } from '../src/saved-searches/saved-search-table';
import type { Storage } from '../src';
import { closeTestStorage } from '../src/testing';
import { openStorageIn, STORAGE_MODES } from './storage-modes';

const SAVED_AT = Date.UTC(2026, 11, 1, 9, 30);

describe.each(STORAGE_MODES)('saved search table, %s', (mode) => {
  let storage: Storage;
  let table: SavedSearchTable;
  beforeAll(async () => {
    storage = await openStorageIn(mode);
    table = new SavedSearchTable(storage.reader, storage.writer);
  });
  afterAll(() => closeTestStorage(storage));

  const record = (name: string) => ({ id: randomUUID(), name, view: JSON.stringify({ q: name }), savedBy: 'ana', savedAtMs: SAVED_AT });

  it('answers the newest version of each search, right after a rename and without a merge', async () => {
    const errors = record('errors');
    const slow = record('Slow payments');
    await table.write(errors);
    await table.write(slow);
    await table.write({ ...errors, name: 'all errors' });
    await table.write({ ...errors, name: 'errors by host' });
    const list = await table.list();
    expect(list.map((search) => search.name)).toEqual(['errors by host', 'Slow payments']);
    expect(list[0]).toMatchObject({ id: errors.id, savedBy: 'ana', savedAtMs: SAVED_AT, view: '{"q":"errors"}' });
    expect(list[0].updatedAtMs).toBeGreaterThan(SAVED_AT);
    expect(await table.findByName('errors')).toBeUndefined();
    expect((await table.findByName('errors by host'))?.id).toBe(errors.id);
  });

  it('leaves a deleted search out of every read, before and after the table merges', async () => {
    const doomed = record('doomed');
    await table.write(doomed);
    const stored = await table.find(doomed.id);
    if (!stored) throw new Error('the saved search was not stored');
    await table.remove(stored);
    expect(await table.find(doomed.id)).toBeUndefined();
    expect((await table.list()).map((search) => search.name)).not.toContain('doomed');
    await storage.writer.command({ query: 'OPTIMIZE TABLE logs.saved_searches FINAL' });
    expect(await table.find(doomed.id)).toBeUndefined();
    expect((await table.list()).map((search) => search.name)).toEqual(['errors by host', 'Slow payments']);
  });

  it('answers the older search when two were saved under one name', async () => {
    const first = { ...record('twice'), savedAtMs: SAVED_AT - 1000 };
    await table.write(record('twice'));
    await table.write(first);
    expect((await table.findByName('twice'))?.id).toBe(first.id);
  });
});
