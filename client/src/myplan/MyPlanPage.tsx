import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../shared/api.js';
import { getJson } from '../api.js';
import { useEventStream } from '../useEventStream.js';
import { AccessLog } from './AccessLog.js';
import { ContactPerson } from './ContactPerson.js';
import { CrisisCard } from './CrisisCard.js';
import { HowItGoes } from './HowItGoes.js';
import { MyConsents } from './MyConsents.js';
import { MyGoals } from './MyGoals.js';
import { MyQuestions } from './MyQuestions.js';
import { MySignalPlan } from './MySignalPlan.js';
import './myplan.css';
import './myplan-print.css';

/** The client's own plan in plain language, kept up to date while the team works on it. */
export function MyPlanPage() {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<ClientPlan | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    getJson<{ plan: ClientPlan }>('/api/my/plan')
      .then((body) => setPlan(body.plan))
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  // The server sends the whole plan whenever a change to the board changes it; after a lost
  // connection the plan is fetched again, so nothing changed meanwhile is missed.
  useEventStream('/api/my/plan/events', { plan: (data) => setPlan(data as ClientPlan) }, load);

  if (!plan) {
    if (error) return <p role="alert">{t('myPlan.loadError', { message: error })}</p>;
    return <p role="status">{t('common.loading')}</p>;
  }

  const wordsSaved = (goalId: string, words: string) =>
    setPlan(
      (current) =>
        current && {
          ...current,
          goals: current.goals.map((g) => (g.id === goalId ? { ...g, clientWords: words } : g)),
        },
    );

  return (
    <div className="my-plan">
      <div className="my-plan-head">
        <h1>{t('myPlan.heading')}</h1>
        <button type="button" className="print-button" onClick={() => window.print()}>
          {t('myPlan.print')}
        </button>
      </div>
      <p className="lead">{t('myPlan.intro')}</p>
      <ContactPerson plan={plan} />
      <MyGoals plan={plan} onWordsSaved={wordsSaved} />
      <MySignalPlan plan={plan} />
      <HowItGoes ratings={plan.voice.ratings} />
      <MyQuestions questions={plan.voice.questions} />
      <CrisisCard plan={plan} />
      <MyConsents />
      <AccessLog />
    </div>
  );
}
