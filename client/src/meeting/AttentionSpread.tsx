import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionAnswer } from '../../../shared/meetingApi.js';
import { getJson } from '../api.js';
import '../i18n/nl/meeting.js';

/**
 * How the meeting's time spread over the client's perspectives (over the cases this person may
 * see), in a fixed neutral order, with a warning when one takes more than half.
 */
export function AttentionSpread({ meetingId, refreshKey }: { meetingId: string; refreshKey: string }) {
  const { t, i18n } = useTranslation();
  const [spread, setSpread] = useState<AttentionAnswer['spread']>([]);
  useEffect(() => {
    const load = () =>
      void getJson<AttentionAnswer>(`/api/meetings/${meetingId}/attention`)
        .then((b) => setSpread(b.spread))
        .catch(() => undefined);
    load();
    const timer = setInterval(load, 30_000);
    return () => clearInterval(timer);
  }, [meetingId, refreshKey]);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const label = (id: string) => t(`perspective.${id}`, { defaultValue: id });
  const dominant = spread.length >= 2 ? spread.find((s) => s.share > 0.5) : undefined;
  return (
    <section className="attention-spread" aria-labelledby="attention-heading">
      <h3 id="attention-heading">{t('meeting.attention')}</h3>
      {spread.length === 0 ? (
        <p className="muted">{t('meeting.attentionNone')}</p>
      ) : (
        <ul>
          {spread.map((s) => (
            <li key={s.perspective}>
              <span className="spread-label">{label(s.perspective)}</span>
              <span className="spread-bar" aria-hidden="true">
                <span style={{ width: `${Math.round(s.share * 100)}%` }} />
              </span>
              <span>
                {t('meeting.attentionShare', { minutes: s.minutes, percent: percent.format(s.share) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {dominant && (
        <p className="balance-warning" role="status">
          {t('meeting.attentionWarning', { perspective: label(dominant.perspective) })}
        </p>
      )}
    </section>
  );
}
