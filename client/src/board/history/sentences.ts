import type { TFunction } from 'i18next';
import type { Board } from '../../../../shared/doc/board.js';
import type { HistoryEntry } from '../../../../shared/historyApi.js';
import { perspectiveLabel } from '../perspectiveLabel.js';
import '../../i18n/nl/board.js';
import '../../i18n/nl/history.js';

/** Changes of these fields read as a sentence of their own ("Sevda moved ‘Weer werken’"). */
const ownSentence: Partial<Record<HistoryEntry['kind'], readonly string[]>> = {
  goal: ['place'],
  step: ['done'],
  perspective: ['active'],
  action: ['done', 'goalId', 'stepId'],
  'agenda-item': ['question'],
};

/** What a sentence needs besides the row: who the person is, and the board for item names. */
export interface SentenceContext {
  t: TFunction;
  /** The person's name, or "Jij" for oneself. */
  name: string;
  board: Pick<Board, 'goals' | 'perspectives'>;
}

/**
 * One row of the history as a sentence: "Sevda veranderde de status van ‘Weer werken’". The server
 * sends ids only; names of goals and perspectives come from the board this screen already has.
 */
export function historySentence(entry: HistoryEntry, { t, name, board }: SentenceContext): string {
  const goalId = entry.kind === 'step' ? entry.parentId : entry.kind === 'goal' ? entry.itemId : null;
  const goal = goalId ? board.goals.find((g) => g.id === goalId) : undefined;
  const perspective =
    entry.kind === 'perspective' || entry.kind === 'discussed-perspective'
      ? board.perspectives.find((p) => p.id === entry.itemId)
      : undefined;
  const quoted = (text: string) => t('history.quoted', { text });
  const values = {
    name,
    goal: goal
      ? quoted(goal.title || t('goal.untitled'))
      : t(entry.action === 'removed' && entry.kind === 'goal' ? 'history.aGoal' : 'history.goneGoal'),
    perspective: perspective ? quoted(perspectiveLabel(t, perspective)) : t('history.aPerspective'),
    field: t(`history.field.${entry.kind}.${entry.field ?? 'whole'}`, { defaultValue: entry.field ?? '' }),
    state: entry.itemId ? t(`history.state.${entry.itemId}`, { defaultValue: entry.itemId }) : '',
    domain: entry.itemId ? t(`history.domain.${entry.itemId}`, { defaultValue: entry.itemId }) : '',
    side: t(`history.side.${entry.source}`, { defaultValue: '' }),
  };
  const own = entry.action === 'changed' && entry.field && ownSentence[entry.kind]?.includes(entry.field);
  // The signal plan's green, amber and red each have the same fields.
  const variant = own
    ? entry.field!
    : entry.kind === 'signal-plan' && entry.itemId
      ? 'inState'
      : entry.action;
  return t([`history.sentence.${entry.kind}.${variant}`, `history.sentence.${entry.kind}.changed`], values);
}
