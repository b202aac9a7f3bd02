import { describe, expect, it } from 'vitest';
import { Outbox } from '../../../server/sync/outbox.js';

const deferred = () => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('[D1] the outbox sends in order, each message after the changes before it are stored', () => {
  it('sends at once when nothing waits', () => {
    const sent: string[] = [];
    new Outbox().inTurn(() => sent.push('step 2'));
    expect(sent).toEqual(['step 2']);
  });

  it('holds a message behind an append under way, and later appends behind earlier ones', async () => {
    const outbox = new Outbox();
    const sent: string[] = [];
    const first = deferred();
    const second = deferred();
    outbox.afterStored(
      first.promise,
      () => sent.push('update 1'),
      () => sent.push('failed'),
    );
    outbox.afterStored(
      second.promise,
      () => sent.push('update 2'),
      () => sent.push('failed'),
    );
    outbox.inTurn(() => sent.push('step 2'));
    second.resolve();
    await flush();
    expect(sent).toEqual([]);
    first.resolve();
    await flush();
    expect(sent).toEqual(['update 1', 'update 2', 'step 2']);
    await outbox.drained();
  });

  it('a failed append sends nothing queued after it, reports once, and lets waiters go on', async () => {
    const outbox = new Outbox();
    const sent: string[] = [];
    const first = deferred();
    const second = deferred();
    outbox.afterStored(
      first.promise,
      () => sent.push('update 1'),
      () => sent.push('failed 1'),
    );
    outbox.afterStored(
      second.promise,
      () => sent.push('update 2'),
      () => sent.push('failed 2'),
    );
    const drained = outbox.drained();
    first.reject(new Error('disk full'));
    second.resolve();
    await drained;
    await flush();
    expect(sent).toEqual(['failed 1']);
    outbox.inTurn(() => sent.push('late'));
    expect(sent).toEqual(['failed 1']);
  });
});
