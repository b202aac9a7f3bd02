import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../server/storage/groupCommit.js';

/** A write that takes a while, records its batches, and fails a batch holding a 'bad' item. */
function slowWrite() {
  const batches: string[][] = [];
  const write = async (items: string[]) => {
    batches.push(items);
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (items.includes('bad')) throw new Error('bad item');
    return items.map((item) => item.toUpperCase());
  };
  return { batches, write };
}

describe('group commit', () => {
  it('[ST7] writes what arrives while a write is in flight in one next batch', async () => {
    const { batches, write } = slowWrite();
    const group = new GroupCommit(write);
    const first = group.submit('a');
    await new Promise((resolve) => setTimeout(resolve, 1));
    const rest = ['b', 'c', 'd'].map((item) => group.submit(item));
    expect(await Promise.all([first, ...rest])).toEqual(['A', 'B', 'C', 'D']);
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
    expect(group.stats()).toEqual({ items: 4, batches: 2, largestBatch: 3 });
  });

  it('[ST7] what is submitted in one go is written together, at most maxBatch at a time', async () => {
    const { batches, write } = slowWrite();
    const group = new GroupCommit(write, { maxBatch: 2 });
    await Promise.all(['a', 'b', 'c'].map((item) => group.submit(item)));
    expect(batches).toEqual([['a', 'b'], ['c']]);
  });

  it('[ST7] a failing item fails alone: its batch is written again one by one', async () => {
    const { batches, write } = slowWrite();
    const group = new GroupCommit(write);
    const results = await Promise.allSettled(['a', 'bad', 'c'].map((item) => group.submit(item)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(batches).toEqual([['a', 'bad', 'c'], ['a'], ['bad'], ['c']]);
  });

  it('flush waits for everything submitted so far', async () => {
    const { write } = slowWrite();
    const group = new GroupCommit(write);
    let done = 0;
    for (const item of ['a', 'b']) void group.submit(item).then(() => done++);
    await group.flush();
    expect(done).toBe(2);
  });
});
