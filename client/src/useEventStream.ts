import { useEffect, useRef } from 'react';

type Handlers = Record<string, (data: unknown) => void>;

/** The server sends JSON; anything else is passed on as it came. */
function parse(raw: string): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/**
 * Listens to a Server-Sent Events stream for as long as the component lives. `handlers` get each
 * named event's parsed data; `onReopen` runs when the stream comes back after a lost connection,
 * so the page can fetch again what it may have missed meanwhile. Null `url`: no stream.
 */
export function useEventStream(url: string | null, handlers: Handlers, onReopen?: () => void): void {
  // The latest callbacks, without reopening the stream when they change.
  const latest = useRef({ handlers, onReopen });
  latest.current = { handlers, onReopen };
  const events = Object.keys(handlers).sort().join(',');
  useEffect(() => {
    if (url === null) return;
    const source = new EventSource(url);
    for (const name of events.split(',').filter(Boolean)) {
      source.addEventListener(name, (event) => {
        latest.current.handlers[name]?.(parse((event as MessageEvent<string>).data));
      });
    }
    let connectedBefore = false;
    source.addEventListener('open', () => {
      if (connectedBefore) latest.current.onReopen?.();
      connectedBefore = true;
    });
    return () => source.close();
  }, [url, events]);
}
