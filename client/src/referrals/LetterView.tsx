import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../shared/referralApi.js';
import './letter.css';

/** The letter a referral was sent with, as sent, foldable, printable on A4 on its own (SPEC LT3). */
export function LetterView({ referral }: { referral: Referral }) {
  const { t } = useTranslation('referrals');
  const sheet = useRef<HTMLPreElement>(null);
  if (!referral.letter) return null;
  const print = () => {
    const el = sheet.current;
    if (!el) return;
    // Only this letter goes to paper: the page's print stylesheet hides the rest while it prints.
    el.classList.add('print-this');
    document.body.classList.add('printing-letter');
    const done = () => {
      el.classList.remove('print-this');
      document.body.classList.remove('printing-letter');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };
  return (
    <details className="referral-letter">
      <summary>{t('letter.show')}</summary>
      {referral.letterTemplate && (
        <p className="hint">{t('letter.fromTemplate', { title: referral.letterTemplate.title })}</p>
      )}
      <pre ref={sheet} className="letter-sheet">
        {referral.letter}
      </pre>
      <button type="button" onClick={print}>
        {t('letter.print')}
      </button>
    </details>
  );
}
