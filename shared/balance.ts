import type { PerspectiveId } from './domain.js';

/** How the goals of a client spread over the perspectives that are switched on. */
export interface PerspectiveBalance {
  shares: { perspective: PerspectiveId; goals: number; share: number }[];
  /** The perspective that holds more than half of all goal links, if any. */
  dominant: PerspectiveId | null;
}

interface GoalLike {
  status: string;
  perspectives: readonly PerspectiveId[];
}

/**
 * Counts, per active perspective, the goals that serve it (dropped goals do not count). A goal
 * serving two perspectives counts for both; shares are of all such links. With two or more active
 * perspectives, one holding more than half is reported as dominant (the sources: no lens may
 * dominate the plan).
 */
export function perspectiveBalance(
  goals: readonly GoalLike[],
  active: readonly PerspectiveId[],
): PerspectiveBalance {
  const counts = new Map<PerspectiveId, number>(active.map((p) => [p, 0]));
  for (const goal of goals) {
    if (goal.status === 'dropped') continue;
    for (const p of goal.perspectives) {
      const n = counts.get(p);
      if (n !== undefined) counts.set(p, n + 1);
    }
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const shares = active.map((perspective) => {
    const goalsServing = counts.get(perspective) ?? 0;
    return { perspective, goals: goalsServing, share: total ? goalsServing / total : 0 };
  });
  const top = shares.find((s) => s.share > 0.5);
  return { shares, dominant: active.length >= 2 && top ? top.perspective : null };
}
