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
import { MyReferrals } from './MyReferrals.js';
import { MySignalPlan } from './MySignalPlan.js';
import { PlanMenu } from './PlanMenu.js';
import { FoldedSections, useNarrowScreen } from './foldedSections.js';
import { ReadWholePlan } from './ReadWholePlan.js';
import { MyFileSection } from '../rights/MyFileSection.js';
import { SupportEnded } from './SupportEnded.js';
// The plan's base first, then its parts (in this order, after the base they refine), printing last.
import './myplan.css';
import './mySignalPlan.css';
import './howItGoes.css';
import './myQuestions.css';
import './accessLog.css';
import './crisisCard.css';
import './planMenu.css';
import './myplan-print.css';
import '../i18n/nl/myPlan.js';

/**
 * On a phone the plan itself comes first (contact, what to do when it goes less well, the goals);
 * the parts a client uses now and then start folded, one tap away. The menu's sections stay open.
 */
const foldedOnPhone: ReadonlySet<string> = new Set(['my-signal', 'how-it-goes', 'my-consents', 'my-file']);
const openOnWideScreen: ReadonlySet<string> = new Set();

/** The client's own plan in plain language, kept up to date while the team works on it. */
export function MyPlanPage() {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<ClientPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const narrow = useNarrowScreen();

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

  const ended = plan.supportEnded !== null;
  const referrals = plan.referrals;
  const wordsSaved = (goalId: string, words: string) =>
    setPlan(
      (current) =>
        current && {
          ...current,
          goals: current.goals.map((g) => (g.id === goalId ? { ...g, clientWords: words } : g)),
        },
    );

  return (
    <FoldedSections.Provider value={narrow ? foldedOnPhone : openOnWideScreen}>
      <div className="my-plan">
        <div className="my-plan-head">
          <h1>{t('myPlan.heading')}</h1>
          <button type="button" className="print-button" onClick={() => window.print()}>
            {t('myPlan.print')}
          </button>
        </div>
        <ReadWholePlan plan={plan} />
        <p className="lead">{t('myPlan.intro')}</p>
        <SupportEnded plan={plan} />
        <PlanMenu questions={!ended} referrals={referrals.length > 0} />
        <ContactPerson plan={plan} />
        {/* Whom to call when it goes wrong comes right after the contact person, before the goals. */}
        <CrisisCard plan={plan} />
        <MyGoals plan={plan} onWordsSaved={ended ? null : wordsSaved} />
        <MyReferrals referrals={referrals} />
        <MySignalPlan plan={plan} />
        {/* Once the support has ended the team no longer meets about the client: what they would
          write could not be kept (SPEC CL6), so the forms are not offered. */}
        {!ended && <HowItGoes ratings={plan.voice.ratings} />}
        {!ended && <MyQuestions questions={plan.voice.questions} />}
        <MyConsents ended={ended} />
        <AccessLog />
        <MyFileSection />
      </div>
    </FoldedSections.Provider>
  );
}
