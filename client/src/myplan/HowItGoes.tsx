import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRating } from '../../../shared/doc/clientVoice.js';
import { faceScores } from '../../../shared/vocabulary.js';
import type { FaceScore } from '../../../shared/vocabulary.js';
import { lifeDomains } from '../../../shared/vocabulary.js';
import type { LifeDomain } from '../../../shared/vocabulary.js';
import { putJson } from '../api.js';
import { Face } from '../components/Face.js';
import { DomainIcon } from './DomainIcon.js';
import { PlanSection, Sentences } from './ReadAloud.js';
import '../i18n/nl/myPlan.js';

/** One life domain: five faces as a radio group; once one is chosen, an optional sentence and save. */
function DomainRating({ domain, saved }: { domain: LifeDomain; saved: ClientRating | undefined }) {
  const { t } = useTranslation();
  const [score, setScore] = useState<FaceScore | null>(saved?.score ?? null);
  const [sentence, setSentence] = useState(saved?.sentence ?? '');
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error' | 'noFace'>('idle');
  const name = t(`myPlan.domain.${domain}`);
  const id = `rating-${domain}`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) return setStatus('noFace');
    setStatus('saving');
    try {
      await putJson(`/api/my/ratings/${domain}`, { score, sentence: sentence.trim() });
      setStatus('saved');
    } catch {
      setStatus('error');
    }
  };

  return (
    <form className="domain-rating" onSubmit={(e) => void save(e)}>
      <fieldset className="face-scale">
        <legend>
          <DomainIcon domain={domain} /> <Sentences text={t('myPlan.howItGoes.question', { domain: name })} />
        </legend>
        <div className="face-options">
          {faceScores.map((value) => (
            <label key={value} className={`face-option${score === value ? ' is-chosen' : ''}`}>
              <input
                type="radio"
                name={id}
                value={value}
                checked={score === value}
                onChange={() => {
                  setScore(value);
                  setStatus('idle');
                }}
              />
              <Face score={value} />
              <span className="face-word">{t(`myPlan.face.${value}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {/* The sentence and the button come once a face is chosen: one thing to do at a time. */}
      {score !== null && (
        <>
          <label htmlFor={`${id}-sentence`}>{t('myPlan.howItGoes.sentence')}</label>
          <input
            id={`${id}-sentence`}
            type="text"
            maxLength={300}
            value={sentence}
            onChange={(e) => {
              setSentence(e.target.value);
              setStatus('idle');
            }}
          />
          <button
            type="submit"
            disabled={status === 'saving'}
            aria-label={t('myPlan.howItGoes.saveFor', { domain: name })}
          >
            {t('myPlan.howItGoes.save')}
          </button>
        </>
      )}
      <p role="status" className={status === 'error' || status === 'noFace' ? 'form-error' : 'form-ok'}>
        {status === 'saved' && t('myPlan.saved')}
        {status === 'error' && t('myPlan.howItGoes.error')}
        {status === 'noFace' && t('myPlan.howItGoes.chooseFirst')}
      </p>
    </form>
  );
}

/**
 * "How is it going?" per life domain, on a five-step face scale; the team sees it beside their
 * view. On a phone it starts folded (MyPlanPage), so the plan itself stays short.
 */
export function HowItGoes({ ratings }: { ratings: Partial<Record<LifeDomain, ClientRating>> }) {
  const { t } = useTranslation();
  return (
    <PlanSection id="how-it-goes" heading={t('myPlan.howItGoes.heading')} className="how-it-goes">
      <p>
        <Sentences text={t('myPlan.howItGoes.intro')} />
      </p>
      {lifeDomains.map((domain) => (
        <DomainRating key={domain} domain={domain} saved={ratings[domain]} />
      ))}
    </PlanSection>
  );
}
