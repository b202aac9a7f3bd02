const day = 24 * 3600 * 1000;

/** How long every automatic version is kept before they are thinned to one a day. */
export const keepAllForMs = 2 * day;

/**
 * Which automatic versions to drop so the list stays bounded: all from the last two days stay;
 * older ones are thinned to the latest of each day (UTC). Meeting and relapse versions are never
 * passed here: they are kept.
 */
export function versionsToThin(autos: readonly { id: number; createdAt: string }[], now: Date): number[] {
  const latestOfDay = new Map<string, { id: number; createdAt: string }>();
  const old = autos.filter((v) => now.getTime() - Date.parse(v.createdAt) > keepAllForMs);
  for (const v of old) {
    const key = v.createdAt.slice(0, 10);
    const kept = latestOfDay.get(key);
    if (!kept || v.createdAt > kept.createdAt || (v.createdAt === kept.createdAt && v.id > kept.id))
      latestOfDay.set(key, v);
  }
  const keep = new Set([...latestOfDay.values()].map((v) => v.id));
  return old.filter((v) => !keep.has(v.id)).map((v) => v.id);
}
