import type { Response } from 'express';
import type { SessionStore } from '../auth/sessions.js';
import { currentSession } from './session.js';

/**
 * A Server-Sent Events stream for the signed-in person: keep-alives, and (like a sync
 * connection, SPEC A4) the stream ends within seconds of its session ending.
 */
export function openEventStream(res: Response, sessions: SessionStore, recheckMs: number) {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const { idHash } = currentSession(res)!;
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
  const recheck = setInterval(() => {
    // A check that fails ends the stream too (the page opens a new one, which checks again).
    void sessions
      .isLive(idHash)
      .catch(() => false)
      .then((live) => {
        if (!live) res.end();
      });
  }, recheckMs);
  const closers: (() => void)[] = [];
  res.on('close', () => {
    clearInterval(keepAlive);
    clearInterval(recheck);
    for (const close of closers) close();
  });
  return {
    send(event: string, data: unknown): void {
      if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose(close: () => void): void {
      closers.push(close);
    },
  };
}
