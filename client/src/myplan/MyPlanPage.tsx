import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPlan } from '../../../shared/api.js';
import { getJson } from '../api.js';
import { AccessLog } from './AccessLog.js';
import { ContactPerson } from './ContactPerson.js';
import { CrisisCard } from './CrisisCard.js';
import { HowItGoes } from './HowItGoes.js';
import { MyGoals } from './MyGoals.js';
import { MyQuestions } from './MyQuestions.js';
import { MySignalPlan } from './MySignalPlan.js';
import './myplan.css';

/** The client's own plan in plain language, kept up to date while the team works on it. */
export function MyPlanPage() {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<ClientPlan | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    getJson<{ plan: ClientPlan }>('/api/my/plan')
      .then((body) => setPlan(body.plan))
      .catch((e: Error) => setError(e.message));
    // The server sends the whole plan again after every change to the board.
    const events = new EventSource('/api/my/plan/events');
    events.addEventListener('plan', (event) => setPlan(JSON.parse((event as MessageEvent<string>).data)));
    return () => events.close();
  }, []);

  if (error) return <p role="alert">{t('myPlan.loadError', { message: error })}</p>;
  if (!plan) return <p role="status">{t('common.loading')}</p>;

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
      <AccessLog />
    </div>
  );
}
