import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRememberedOpen } from './useRemembered.js';
import '../../i18n/nl/board.js';

/**
 * A part of the board page below the grid that folds away and stays folded (per browser): the
 * part keeps its own heading; folded, only a bar with its name and a button to open it remains.
 * What it holds stays mounted, so live parts (notes, consents) keep following meanwhile.
 */
export function BoardSection({
  id,
  name,
  openAtFirst = true,
  children,
}: {
  id: string;
  name: string;
  openAtFirst?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useRememberedOpen(id, openAtFirst);
  const body = `board-section-${id}-body`;
  useEffect(() => {
    const jumpedHere = () => {
      if (window.location.hash === `#board-section-${id}`) setOpen(true);
    };
    window.addEventListener('hashchange', jumpedHere);
    return () => window.removeEventListener('hashchange', jumpedHere);
  }, [id, setOpen]);
  return (
    <div id={`board-section-${id}`} className={`board-section${open ? '' : ' is-folded'}`}>
      <button
        type="button"
        className="small section-toggle"
        aria-expanded={open}
        aria-controls={body}
        onClick={() => setOpen(!open)}
      >
        {open ? t('boardLayout.fold', { name }) : t('boardLayout.unfold', { name })}
      </button>
      <div id={body} hidden={!open}>
        {children}
      </div>
    </div>
  );
}

/** The parts of the board page, in page order, for the jump menu and the folding sections. */
export const boardSections = [
  'perspectives',
  'balance',
  'signalPlan',
  'meetingActions',
  'clientVoice',
  'caseLife',
  'team',
  'compartments',
  'referrals',
  'versions',
  'history',
] as const;
export type BoardSectionId = (typeof boardSections)[number];

/** Jumps to the grid or any part below it; a folded part opens when jumped to. */
export function BoardJumpMenu() {
  const { t } = useTranslation();
  return (
    <nav className="board-jump" aria-label={t('boardLayout.jumpLabel')}>
      <a href="#board-grid">{t('boardLayout.section.grid')}</a>
      {boardSections.map((id) => (
        <a key={id} href={`#board-section-${id}`}>
          {t(`boardLayout.section.${id}`)}
        </a>
      ))}
    </nav>
  );
}
