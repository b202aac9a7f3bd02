import type { TFunction } from 'i18next';
import type { PerspectiveState } from '../../../shared/doc/board.js';
import type { PerspectiveLabelProblem } from '../../../shared/doc/perspectives.js';
import { perspectiveLabel } from './perspectiveLabel.js';
import '../i18n/nl/board.js';

/** Why a name for a custom perspective was refused, in the reader's language, naming the one it matches. */
export function perspectiveLabelError(
  t: TFunction,
  problem: PerspectiveLabelProblem,
  perspectives: readonly PerspectiveState[],
): string {
  if (problem.kind === 'empty') return t('perspectives.nameEmpty');
  const existing = perspectives.find((p) => p.id === problem.existing);
  return t('perspectives.nameTaken', {
    perspective: perspectiveLabel(t, existing ?? { id: problem.existing, label: null }),
  });
}
