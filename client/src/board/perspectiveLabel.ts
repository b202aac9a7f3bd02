import type { TFunction } from 'i18next';
import type { PerspectiveState } from '../../../shared/doc/board.js';

/** Default perspectives are translated by id; custom ones carry their own label. */
export function perspectiveLabel(t: TFunction, perspective: Pick<PerspectiveState, 'id' | 'label'>): string {
  return perspective.label ?? t(`perspective.${perspective.id}`, { defaultValue: perspective.id });
}
