import { useTranslation } from 'react-i18next';
import { openClientQuestions, readClientVoice, setTeamRating } from '../../../shared/doc/clientVoice.js';
import type { ClientQuestion, TeamRating } from '../../../shared/doc/clientVoice.js';
import { faceScores } from '../../../shared/doc/clientVoiceShape.js';
import { lifeDomains } from '../../../shared/domain.js';
import type { LifeDomain } from '../../../shared/domain.js';
import { Face } from '../components/Face.js';
import { formatDateTime } from '../i18n/index.js';
import { useSession } from '../session.js';
import { useBoardContext } from './context.js';
import { useDocRead } from './useDocRead.js';
import { useMarkDiscussed } from './useMarkDiscussed.js';
import './clientVoice.css';
import '../i18n/nl/myPlan.js';
import '../i18n/nl/board.js';

/** The team's own view of one life domain: a face-scale score beside the client's. */
function TeamScore({ domain, rating }: { domain: LifeDomain; rating: TeamRating | undefined }) {
  const { t } = useTranslation();
  const { doc, readOnly } = useBoardContext();
  const { user } = useSession();
  const name = t(`myPlan.domain.${domain}`);
  const choose = (value: string) => {
    const score = faceScores.find((s) => String(s) === value);
    setTeamRating(
      doc,
      domain,
      score
        ? {
            score,
            byId: user?.professionalId ?? user?.id ?? '',
            byName: user?.displayName ?? '',
            at: new Date().toISOString(),
          }
        : null,
    );
  };
  return (
    <div className="voice-team">
      {rating && <Face score={rating.score} size={28} />}
      <select
        aria-label={t('clientVoice.teamLabel', { domain: name })}
        value={rating?.score ?? ''}
        disabled={readOnly}
        onChange={(e) => choose(e.target.value)}
      >
        <option value="">{t('clientVoice.notRated')}</option>
        {faceScores.map((score) => (
          <option key={score} value={score}>
            {score} · {t(`myPlan.face.${score}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One open question of the client, with a button to mark it discussed. */
function OpenQuestion({ question }: { question: ClientQuestion }) {
  const { t, i18n } = useTranslation();
  const { caseDetails, readOnly } = useBoardContext();
  const { mark, busy, error } = useMarkDiscussed(caseDetails.id);
  return (
    <li>
      <p className="voice-question">
        <span className="voice-mark">{t('clientVoice.client')}:</span> {question.text}
      </p>
      <p className="muted voice-question-meta">
        {t('clientVoice.asked', { date: formatDateTime(question.askedAt, i18n.language) })}
        {!readOnly && (
          <button
            type="button"
            className="small"
            disabled={busy}
            aria-label={t('clientVoice.markDiscussedLabel', { text: question.text })}
            onClick={() => void mark(question.id)}
          >
            {t('clientVoice.markDiscussed')}
          </button>
        )}
      </p>
      {error && <p role="alert">{t('clientVoice.markError', { message: error })}</p>}
    </li>
  );
}

/**
 * The client's voice on the board, live: per life domain the client's face and sentence beside the
 * team's own view, and the client's open questions for the next meeting.
 */
export function ClientVoicePanel() {
  const { t, i18n } = useTranslation();
  const { doc } = useBoardContext();
  const voice = useDocRead(doc, readClientVoice);
  const open = openClientQuestions(voice.questions);
  const discussed = voice.questions.filter((q) => q.discussedAt !== null);
  return (
    <section className="client-voice" aria-labelledby="client-voice-heading">
      <h2 id="client-voice-heading">{t('clientVoice.heading')}</h2>
      <p className="muted">{t('clientVoice.intro')}</p>
      <table className="voice-table">
        <thead>
          <tr>
            <th scope="col">{t('clientVoice.domain')}</th>
            <th scope="col">{t('clientVoice.client')}</th>
            <th scope="col">{t('clientVoice.team')}</th>
          </tr>
        </thead>
        <tbody>
          {lifeDomains.map((domain) => {
            const own = voice.ratings[domain];
            const team = voice.teamRatings[domain];
            const gap = own && team ? Math.abs(own.score - team.score) : 0;
            return (
              <tr key={domain} data-domain={domain}>
                <th scope="row">{t(`myPlan.domain.${domain}`)}</th>
                <td className="voice-client">
                  {own ? (
                    <>
                      <Face score={own.score} size={28} /> <strong>{t(`myPlan.face.${own.score}`)}</strong>
                      {own.sentence && <span className="voice-sentence"> “{own.sentence}”</span>}
                      <span className="muted voice-when"> {formatDateTime(own.at, i18n.language)}</span>
                    </>
                  ) : (
                    <span className="muted">{t('clientVoice.notRated')}</span>
                  )}
                </td>
                <td>
                  <TeamScore domain={domain} rating={team} />
                  {gap >= 2 && <p className="voice-differ">{t('clientVoice.differ', { count: gap })}</p>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t('clientVoice.questions')}</h3>
      {open.length === 0 ? (
        <p className="muted">{t('clientVoice.noQuestions')}</p>
      ) : (
        <ul className="voice-questions">
          {open.map((question) => (
            <OpenQuestion key={question.id} question={question} />
          ))}
        </ul>
      )}
      {discussed.length > 0 && (
        <details className="voice-discussed">
          <summary>{t('clientVoice.discussed', { count: discussed.length })}</summary>
          <ul>
            {discussed.map((q) => (
              <li key={q.id}>
                {q.text}{' '}
                <span className="muted">
                  (
                  {t('clientVoice.discussedBy', {
                    date: formatDateTime(q.discussedAt!, i18n.language),
                    name: q.discussedBy ?? '—',
                  })}
                  )
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
