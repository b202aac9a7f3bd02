import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shareEvents } from '../../../server/sync/instances/sharedEvents.js';
import { lossyBuses } from '../../utils/buses.js';

/**
 * The live streams across instances (SPEC SI4): what one instance emits, the other emits too.
 * "This document changed" is sent once per window however fast a board is typed in, and once
 * more after the burst, so the other instance's listeners always hear of the last change.
 */
describe('events shared between instances', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const twoInstances = (coalesceMs?: number) => {
    const [busA, busB] = lossyBuses(2, Number.POSITIVE_INFINITY);
    const here = new EventEmitter();
    const there = new EventEmitter();
    shareEvents(here, busA!, 'documents', { coalesceMs });
    shareEvents(there, busB!, 'documents', { coalesceMs });
    const heardHere: string[] = [];
    const heardThere: string[] = [];
    here.on('change', (name: string) => heardHere.push(name));
    there.on('change', (name: string) => heardThere.push(name));
    return { here, heardHere, heardThere };
  };

  it('every event reaches the other instance when nothing is coalesced', async () => {
    const { here, heardHere, heardThere } = twoInstances();
    for (let i = 0; i < 5; i++) here.emit('change', 'case:c1:shared');
    await vi.runAllTimersAsync();
    expect(heardHere).toHaveLength(5);
    expect(heardThere).toHaveLength(5);
  });

  it('a burst on one document reaches the other instance at once and once after it; its own listeners hear every one', async () => {
    const { here, heardHere, heardThere } = twoInstances(250);
    here.emit('change', 'case:c1:shared');
    await vi.advanceTimersByTimeAsync(0);
    expect(heardThere).toEqual(['case:c1:shared']);
    for (let i = 0; i < 20; i++) {
      here.emit('change', 'case:c1:shared');
      await vi.advanceTimersByTimeAsync(10);
    }
    here.emit('change', 'case:c2:shared'); // another document is not held back by the first
    await vi.advanceTimersByTimeAsync(0);
    expect(heardThere).toEqual(['case:c1:shared', 'case:c2:shared']);
    await vi.runAllTimersAsync();
    expect(heardHere).toHaveLength(22);
    // 20 changes of c1 in 200 ms after the first: one message when the window ended, then the
    // next window found nothing more.
    expect(heardThere).toEqual(['case:c1:shared', 'case:c2:shared', 'case:c1:shared']);
  });

  it('a change after a quiet window is sent at once again', async () => {
    const { here, heardThere } = twoInstances(250);
    here.emit('change', 'case:c1:shared');
    await vi.advanceTimersByTimeAsync(300);
    here.emit('change', 'case:c1:shared');
    await vi.advanceTimersByTimeAsync(0);
    expect(heardThere).toEqual(['case:c1:shared', 'case:c1:shared']);
  });
});
