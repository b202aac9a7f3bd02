import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/index.js';
import '../i18n/nl/actions.js';

/**
 * The due date of an action; an overdue one carries a word and an icon besides the colour, so the
 * flag does not depend on seeing red.
 */
export function DueDate({ date, overdue }: { date: string; overdue: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <span className={overdue ? 'followup-due overdue' : 'followup-due'}>
      {overdue && (
        <span className="flag flag-overdue">
          <span aria-hidden="true">⚠ </span>
          {t('actions.overdue')}
        </span>
      )}{' '}
      <time dateTime={date}>{t('actions.due', { date: formatDate(date, i18n.language) })}</time>
    </span>
  );
}
