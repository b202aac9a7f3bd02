import type { RunningServer } from '../../server/app.js';
import { signIn } from './accounts.js';
import { eventually } from './eventually.js';

/** A Server-Sent Events stream as a browser's EventSource reads it: `text` grows as events arrive. */
export interface OpenStream {
  status: number;
  text: string;
  /** How many events of this name arrived so far. */
  count(event: string): number;
  /** Resolves when the server ended the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens `path` as `userId` (a fresh session) and waits until the server says it is connected. */
export async function openEventStream(
  server: RunningServer,
  userId: string,
  path: string,
): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(`${server.url}${path}`, {
    headers: (await signIn(server, userId)).headers,
    signal: controller.signal,
  });
  const stream: OpenStream = {
    status: response.status,
    text: '',
    count: (event) => stream.text.split(`event: ${event}\n`).length - 1,
    ended: Promise.resolve(),
    close: () => controller.abort(),
  };
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return stream;
  }
  stream.ended = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of response.body!)
      stream.text += decoder.decode(chunk as Uint8Array, { stream: true });
  })().catch(() => undefined);
  await eventually(() => {
    if (!stream.text.includes(': connected')) throw new Error('the stream did not open');
  });
  return stream;
}
