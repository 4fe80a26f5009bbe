import { BatchInserter } from './batch-inserter';
import { BufferFullError, InserterClosedError } from '../errors';

function recorder(delayMs = 0) {
  const batches: string[][] = [];
  const write = async (lines: readonly string[]) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    batches.push([...lines]);
  };
  return { batches, write };
}

describe('BatchInserter', () => {
  it('writes rows from several requests in one insert and settles each request after it', async () => {
    const { batches, write } = recorder();
    const inserter = new BatchInserter(write, { flushMs: 20 });
    await Promise.all([inserter.insert(['a', 'b']), inserter.insert(['c'])]);
    expect(batches).toEqual([['a', 'b', 'c']]);
  });

  it('starts an insert as soon as maxRows are waiting, keeping requests whole', async () => {
    const { batches, write } = recorder();
    const inserter = new BatchInserter(write, { maxRows: 3, flushMs: 10_000 });
    await Promise.all([inserter.insert(['a', 'b']), inserter.insert(['c', 'd'])]);
    expect(batches).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('groups rows that arrive during an insert into the next one', async () => {
    const { batches, write } = recorder(30);
    const inserter = new BatchInserter(write, { flushMs: 1 });
    const first = inserter.insert(['a']);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all([first, inserter.insert(['b']), inserter.insert(['c'])]);
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });

  it('rejects the requests of a failed insert and keeps serving later ones', async () => {
    let fail = true;
    const written: string[] = [];
    const inserter = new BatchInserter<string>(async (lines) => {
      if (fail) throw new Error('storage down');
      written.push(...lines);
    }, { flushMs: 1 });
    await expect(inserter.insert(['a'])).rejects.toThrow('storage down');
    fail = false;
    await inserter.insert(['b']);
    expect(written).toEqual(['b']);
  });

  it('refuses rows past maxPendingRows, but always takes a request when empty', async () => {
    const { write } = recorder(20);
    const inserter = new BatchInserter(write, { maxPendingRows: 2, flushMs: 1 });
    const big = inserter.insert(['a', 'b', 'c']);
    await expect(inserter.insert(['d'])).rejects.toBeInstanceOf(BufferFullError);
    await big;
    expect(inserter.pendingRows).toBe(0);
  });

  it('stores queued rows on close, then refuses new ones', async () => {
    const { batches, write } = recorder();
    const inserter = new BatchInserter(write, { flushMs: 10_000 });
    const pending = inserter.insert(['a']);
    await inserter.close();
    await pending;
    expect(batches).toEqual([['a']]);
    await expect(inserter.insert(['b'])).rejects.toBeInstanceOf(InserterClosedError);
  });
});
