import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { goalText, stepText } from '../../../../shared/doc/board.js';
import { perspectiveText } from '../../../../shared/doc/perspectives.js';
import { restoreGoal, restorePerspective, restoreStep, restoreText } from '../../../../shared/doc/restore.js';
import type { Restorable } from '../../../../shared/versionDiff.js';
import type * as Y from 'yjs';
import { useBoardContext } from '../context.js';
import { perspectiveLabel } from '../perspectiveLabel.js';
import '../../i18n/nl/board.js';
import '../../i18n/nl/versions.js';

const keyOf = (r: Restorable): string => {
  switch (r.kind) {
    case 'goal':
      return `goal:${r.goal.id}`;
    case 'step':
      return `step:${r.step.id}`;
    case 'perspective':
      return `perspective:${r.perspective.id}`;
    case 'goal-text':
      return `goal-text:${r.goalId}:${r.field}`;
    case 'step-text':
      return `step-text:${r.stepId}`;
    case 'perspective-text':
      return `perspective-text:${r.perspectiveId}:${r.field}`;
  }
};

/** What this item is, in words. */
function describe(t: TFunction, r: Restorable): string {
  const untitled = t('goal.untitled');
  switch (r.kind) {
    case 'goal':
      return t('versions.item.goal', { title: r.goal.title || untitled });
    case 'step':
      return t('versions.item.step', { text: r.step.text || untitled, goal: r.goalTitle || untitled });
    case 'perspective':
      return t('versions.item.perspective', { name: perspectiveLabel(t, r.perspective) });
    case 'goal-text':
      return t(`versions.item.goal-${r.field}`, { goal: r.goalTitle || untitled });
    case 'step-text':
      return t('versions.item.step-text', { goal: r.goalTitle || untitled });
    case 'perspective-text':
      return t('versions.item.perspective-text', {
        field: t(`perspectives.${r.field}`),
        name: perspectiveLabel(t, { id: r.perspectiveId as never, label: r.label }),
      });
  }
}

/** Writes it back into the live board: this person's own change, for everyone. */
function restore(doc: Y.Doc, r: Restorable): void {
  switch (r.kind) {
    case 'goal':
      return restoreGoal(doc, r.goal);
    case 'step':
      return restoreStep(doc, r.goalId, r.step);
    case 'perspective':
      return restorePerspective(doc, r.perspective);
    case 'goal-text':
      return restoreText(goalText(doc, r.goalId, r.field), r.then);
    case 'step-text':
      return restoreText(stepText(doc, r.goalId, r.stepId), r.then);
    case 'perspective-text':
      return restoreText(perspectiveText(doc, r.perspectiveId as never, r.field), r.then);
  }
}

/** The things a version holds that the board lacks now, each with a button to bring it back. */
export function RestoreList({
  items,
  readOnly,
  when,
}: {
  items: Restorable[];
  readOnly: boolean;
  when: string;
}) {
  const { t } = useTranslation();
  const { doc } = useBoardContext();
  const [restored, setRestored] = useState<string | null>(null);
  if (items.length === 0) return <p>{t('versions.same', { when })}</p>;
  return (
    <>
      <h3>{t('versions.differences', { when })}</h3>
      {restored && (
        <p role="status" className="restored-note">
          {t('versions.restored', { what: restored })}
        </p>
      )}
      <ul className="restore-list">
        {items.map((r) => {
          const what = describe(t, r);
          const text = 'then' in r ? r.then : null;
          return (
            <li key={keyOf(r)}>
              <p className="restore-what">{what}</p>
              {text !== null && (
                <blockquote className="restore-text">{text || <em>{t('versions.emptyText')}</em>}</blockquote>
              )}
              {!readOnly && (
                <button
                  type="button"
                  className="small"
                  aria-label={t('versions.restoreNamed', { what })}
                  onClick={() => {
                    restore(doc, r);
                    setRestored(what);
                  }}
                >
                  {t('versions.restore')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
