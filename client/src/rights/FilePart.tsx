import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/index.js';
import '../i18n/nl/rights.js';

/** A section of the copy; an empty one says so instead of leaving a gap. */
export function Part({
  id,
  heading,
  empty,
  children,
}: {
  id: string;
  heading: string;
  empty: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`file-${id}`} className="file-part">
      <h2 id={`file-${id}`}>{heading}</h2>
      {empty ? <p className="muted">{t('rights.file.none')}</p> : children}
    </section>
  );
}

/** Text as the team wrote it, line breaks kept; nothing when it is empty. */
export const Lines = ({ text }: { text: string }) =>
  text.trim() ? <p className="file-text">{text}</p> : null;

/** Days and times alike are shown as the day (a time as the day it was, in UTC). */
export function fileDate(iso: string | null, lng: string): string {
  return iso && /^\d{4}-\d\d-\d\d/.test(iso) ? formatDate(iso.slice(0, 10), lng) : '—';
}
