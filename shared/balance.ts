import type { PerspectiveId } from './domain.js';

/** How the goals of a client spread over the perspectives that are switched on. */
export interface PerspectiveBalance {
  /** The goals that count: every goal on the board that is not dropped. */
  total: number;
  /** Per active perspective: how many of those goals serve it, and which part of `total` that is. */
  shares: { perspective: PerspectiveId; goals: number; share: number }[];
  /** The perspective that more than half of the goals serve, more than all others together. */
  dominant: PerspectiveId | null;
}

interface GoalLike {
  status: string;
  perspectives: readonly PerspectiveId[];
}

/**
 * Counts, per active perspective, the goals that serve it (dropped goals do not count), as a
 * part of all goals that count: "8 van de 12 doelen". A goal serving two perspectives counts for
 * both, so the parts may add up to more than the whole. With two or more active perspectives,
 * one that more than half of the goals serve, and more goals than every other active perspective
 * together, is dominant (the sources: no lens may dominate the plan).
 */
export function perspectiveBalance(
  goals: readonly GoalLike[],
  active: readonly PerspectiveId[],
): PerspectiveBalance {
  const counted = goals.filter((goal) => goal.status !== 'dropped');
  const counts = new Map<PerspectiveId, number>(active.map((p) => [p, 0]));
  for (const goal of counted) {
    for (const p of new Set(goal.perspectives)) {
      const n = counts.get(p);
      if (n !== undefined) counts.set(p, n + 1);
    }
  }
  const total = counted.length;
  const shares = active.map((perspective) => {
    const goalsServing = counts.get(perspective) ?? 0;
    return { perspective, goals: goalsServing, share: total ? goalsServing / total : 0 };
  });
  const all = shares.reduce((sum, s) => sum + s.goals, 0);
  const top = shares.find((s) => s.share > 0.5 && s.goals > all - s.goals);
  return { total, shares, dominant: active.length >= 2 && top ? top.perspective : null };
}
