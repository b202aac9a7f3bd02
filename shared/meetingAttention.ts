import type { PerspectiveId } from './domain.js';

interface DiscussedCase {
  usedMs: number;
  perspectives: readonly PerspectiveId[];
}

/**
 * How a meeting's time spread over the client's perspectives: the time spent on a case is split
 * evenly over the perspectives tagged as discussed. Listed in the order given (a fixed neutral
 * order, never by size); `dominant` is the perspective holding more than half of the time, if any
 * (the sources: no perspective may dominate).
 */
export function attentionSpread(
  cases: readonly DiscussedCase[],
  order: readonly PerspectiveId[],
): {
  spread: { perspective: PerspectiveId; minutes: number; share: number }[];
  dominant: PerspectiveId | null;
} {
  const ms = new Map<PerspectiveId, number>();
  for (const c of cases) {
    if (!c.perspectives.length || c.usedMs <= 0) continue;
    const part = c.usedMs / c.perspectives.length;
    for (const p of c.perspectives) ms.set(p, (ms.get(p) ?? 0) + part);
  }
  const total = [...ms.values()].reduce((a, b) => a + b, 0);
  const listed = [...order.filter((p) => ms.has(p)), ...[...ms.keys()].filter((p) => !order.includes(p))];
  const spread = listed.map((perspective) => {
    const value = ms.get(perspective) ?? 0;
    return { perspective, minutes: Math.round((value / 60_000) * 10) / 10, share: total ? value / total : 0 };
  });
  const top = spread.find((s) => s.share > 0.5);
  return { spread, dominant: spread.length >= 2 && top ? top.perspective : null };
}
