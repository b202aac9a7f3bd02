import { useCallback, useEffect, useState } from 'react';
import type { MapOptions } from '../../../shared/socialMapApi.js';
import { useApi } from '../useApi.js';

/** What the map's filters and forms choose from, and a neighbourhood's name by its id. */
export function useMapOptions() {
  const { data, error } = useApi<MapOptions>('/api/social-map/options');
  const neighbourhoodName = useCallback(
    (id: string) => data?.districts.flatMap((d) => d.neighbourhoods).find((n) => n.id === id)?.name ?? id,
    [data],
  );
  return { options: data, error, neighbourhoodName };
}

/** `value`, once it has stopped changing for `ms`: a search asks the server when typing pauses. */
export function useSettled<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
