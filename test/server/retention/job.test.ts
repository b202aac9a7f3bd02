import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRetentionJob } from '../../../server/retention/job.js';
import { createLogger } from '../../../server/logger.js';

const day = 24 * 3600 * 1000;

describe('[RT3] the retention check runs once at start and then daily', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('checks right after the start, then every day, until stopped', () => {
    const check = vi.fn();
    const job = startRetentionJob(check, day, createLogger('silent'));
    expect(check).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(check).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(day);
    expect(check).toHaveBeenCalledTimes(2);
    job.stop();
    vi.advanceTimersByTime(3 * day);
    expect(check).toHaveBeenCalledTimes(2);
  });

  it('a failing check is tried again the next day', () => {
    const check = vi.fn(() => {
      throw new Error('database busy');
    });
    const job = startRetentionJob(check, day, createLogger('silent'));
    vi.advanceTimersByTime(day + 1);
    expect(check).toHaveBeenCalledTimes(2);
    job.stop();
  });
});
