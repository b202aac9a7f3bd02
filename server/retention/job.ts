import type { Logger } from '../logger.js';

export interface RetentionJob {
  stop(): void;
}

/**
 * Runs the retention check (SPEC RT3) soon after the server starts and then every `everyMs`
 * (a day), so a server restarted daily still checks. A failing check is logged and tried again
 * at the next round; stopping clears both timers.
 */
export function startRetentionJob(check: () => unknown, everyMs: number, log: Logger): RetentionJob {
  const failed = (error: unknown) => log.error('retention check failed', { error: String(error) });
  const run = () => {
    try {
      // Not awaited: the timer only starts it; a failure is logged, the next round tries again.
      void Promise.resolve(check()).catch(failed);
    } catch (error) {
      failed(error);
    }
  };
  const first = setTimeout(run, 0);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
