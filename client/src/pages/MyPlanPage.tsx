import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientPlan, FileAccess, PlanContact } from '../../../shared/api.js';
import { lifeDomains } from '../../../shared/domain.js';
import { getJson, putJson } from '../api.js';
import { telHref } from '../components/telHref.js';
import { formatDate, formatDateTime } from '../i18n/index.js';
import { MySignalPlan } from './MySignalPlan.js';
import { groupVisits } from './visits.js';
import type { Visit } from './visits.js';

type PlanGoal = ClientPlan['goals'][number];

/** A person and how to call them. */
function Contact({ person }: { person: PlanContact }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{person.name}</strong> <span className="muted">({person.roleTitle})</span>
      {person.phone && (
        <>
          {' · '}
          <a
            href={telHref(person.phone)}
            aria-label={t('myPlan.call', { name: person.name, phone: person.phone })}
          >
            {person.phone}
          </a>
        </>
      )}
    </>
  );
}

/** The client's own words for a goal; saved through the API into the team's board. */
function OwnWords({ goal, onSaved }: { goal: PlanGoal; onSaved(words: string): void }) {
  const { t } = useTranslation();
  // null: not being edited, so the latest words from the team show.
  const [draft, setDraft] = useState<string | null>(null);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const id = `words-${goal.id}`;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (draft === null) return;
    setState('saving');
    try {
      await putJson(`/api/my/goals/${encodeURIComponent(goal.id)}/words`, { words: draft.trim() });
      onSaved(draft.trim());
      setDraft(null);
      setState('saved');
    } catch {
      setState('error');
    }
  };

  return (
    <form className="own-words" onSubmit={(e) => void save(e)}>
      <label htmlFor={id}>{t('myPlan.ownWords')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('myPlan.ownWordsHint')}
      </p>
      <div className="inline-field">
        <input
          id={id}
          type="text"
          maxLength={2000}
          aria-describedby={`${id}-hint`}
          value={draft ?? goal.clientWords}
          onChange={(e) => {
            setDraft(e.target.value);
            setState('idle');
          }}
        />
        <button type="submit" disabled={draft === null || state === 'saving'}>
          {t('myPlan.save')}
        </button>
      </div>
      <p role="status" className={state === 'error' ? 'form-error' : 'form-ok'}>
        {state === 'saved' && t('myPlan.saved')}
        {state === 'error' && t('myPlan.saveError')}
      </p>
    </form>
  );
}

function GoalItem({ goal, onSaved }: { goal: PlanGoal; onSaved(words: string): void }) {
  const { t, i18n } = useTranslation();
  const nextSteps = goal.steps.filter((s) => !s.done);
  const doneSteps = goal.steps.length - nextSteps.length;
  return (
    <li className={`plan-goal status-border-${goal.status}`}>
      <h4>{goal.clientWords || goal.title}</h4>
      <p className="plan-goal-facts">
        <span className={`status status-${goal.status}`}>{t(`myPlan.status.${goal.status}`)}</span>
        {goal.targetDate && (
          <span>{t('myPlan.target', { date: formatDate(goal.targetDate, i18n.language) })}</span>
        )}
      </p>
      {goal.clientWords && <p className="muted">{t('myPlan.teamWords', { title: goal.title })}</p>}
      {goal.owner && (
        <p>
          {t('myPlan.owner')} <Contact person={goal.owner} />
        </p>
      )}
      {nextSteps.length > 0 && (
        <>
          <p className="plan-steps-label">{t('myPlan.nextSteps')}</p>
          <ul className="plan-steps">
            {nextSteps.map((step) => (
              <li key={step.id}>
                <span>{step.text}</span>
                {step.dueDate && (
                  <span className="muted">
                    {' '}
                    ({t('myPlan.due', { date: formatDate(step.dueDate, i18n.language) })})
                  </span>
                )}
                {step.owner && (
                  <span className="plan-step-helper">
                    {t('myPlan.helper')} <Contact person={step.owner} />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {doneSteps > 0 && <p className="muted">{t('myPlan.doneSteps', { count: doneSteps })}</p>}
      <OwnWords goal={goal} onSaved={onSaved} />
    </li>
  );
}

const shownAtFirst = 20;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Who opened, read or changed the client's file, as visits (their own visits left out). */
function AccessLog() {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<Visit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);

  useEffect(() => {
    getJson<{ entries: FileAccess[] }>('/api/my/access-log')
      .then((body) => setEntries(groupVisits(body.entries.filter((e) => e.role !== 'client'))))
      .catch((e: Error) => setError(e.message));
  }, []);

  return (
    <section className="plan-section" aria-labelledby="access-log-heading">
      <h2 id="access-log-heading">{t('myPlan.accessLog.heading')}</h2>
      <p className="muted">{t('myPlan.accessLog.intro')}</p>
      {error && <p role="alert">{t('myPlan.accessLog.loadError', { message: error })}</p>}
      {!entries && !error && <p role="status">{t('common.loading')}</p>}
      {entries && entries.length === 0 && <p>{t('myPlan.accessLog.none')}</p>}
      {entries && entries.length > 0 && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('myPlan.accessLog.when')}</th>
                <th scope="col">{t('myPlan.accessLog.who')}</th>
                <th scope="col">{t('myPlan.accessLog.role')}</th>
                <th scope="col">{t('myPlan.accessLog.what')}</th>
              </tr>
            </thead>
            <tbody>
              {(showAll ? entries : entries.slice(0, shownAtFirst)).map((visit) => (
                <tr key={`${visit.at}-${visit.name}`}>
                  <td className="nowrap">{formatDateTime(visit.at, i18n.language)}</td>
                  <td>{visit.name}</td>
                  <td>{visit.role ? t(`myPlan.role.${visit.role}`, { defaultValue: visit.role }) : '—'}</td>
                  <td>
                    {capitalise(
                      visit.events.map((e) => t(`myPlan.event.${e}`, { defaultValue: e })).join(', '),
                    )}
                    {visit.count > 1 && (
                      <span className="muted"> {t('myPlan.accessLog.times', { count: visit.count })}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {!showAll && entries.length > shownAtFirst && (
            <button type="button" className="more" onClick={() => setShowAll(true)}>
              {t('myPlan.accessLog.more', { count: entries.length - shownAtFirst })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** The client's own plan in plain language, kept up to date while the team works on it. */
export function MyPlanPage() {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<ClientPlan | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    getJson<{ plan: ClientPlan }>('/api/my/plan')
      .then((body) => setPlan(body.plan))
      .catch((e: Error) => setError(e.message));
    // The server sends the whole plan again after every change the team makes.
    const events = new EventSource('/api/my/plan/events');
    events.addEventListener('plan', (event) => setPlan(JSON.parse((event as MessageEvent<string>).data)));
    return () => events.close();
  }, []);

  if (error) return <p role="alert">{t('myPlan.loadError', { message: error })}</p>;
  if (!plan) return <p role="status">{t('common.loading')}</p>;

  const saved = (goalId: string) => (words: string) =>
    setPlan(
      (current) =>
        current && {
          ...current,
          goals: current.goals.map((g) => (g.id === goalId ? { ...g, clientWords: words } : g)),
        },
    );
  const domains = lifeDomains.filter((d) => plan.goals.some((g) => g.domain === d));

  return (
    <div className="my-plan">
      <h1>{t('myPlan.heading')}</h1>
      <p className="lead">{t('myPlan.intro')}</p>

      <section className="plan-section plan-coordinator" aria-labelledby="coordinator-heading">
        <h2 id="coordinator-heading">{t('myPlan.coordinator')}</h2>
        {plan.coordinator ? (
          <>
            <p className="plan-person">
              <strong>{plan.coordinator.name}</strong>
              <br />
              {plan.coordinator.roleTitle}
              {plan.coordinator.organisation && `, ${plan.coordinator.organisation}`}
            </p>
            {plan.coordinator.phone && (
              <p>
                <a className="call-button" href={telHref(plan.coordinator.phone)}>
                  {t('myPlan.callButton', { name: plan.coordinator.name, phone: plan.coordinator.phone })}
                </a>
              </p>
            )}
          </>
        ) : (
          <p>{t('myPlan.noCoordinator')}</p>
        )}
      </section>

      <MySignalPlan plan={plan} />

      <section className="plan-section" aria-labelledby="goals-heading">
        <h2 id="goals-heading">{t('myPlan.goals')}</h2>
        {domains.length === 0 && <p>{t('myPlan.noGoals')}</p>}
        {domains.map((domain) => (
          <section key={domain} className={`plan-domain domain-${domain}`} aria-labelledby={`plan-${domain}`}>
            <h3 id={`plan-${domain}`}>
              <span className="domain-icon" aria-hidden="true">
                {t(`domainIcon.${domain}`)}
              </span>{' '}
              {t(`myPlan.domain.${domain}`)}
            </h3>
            <ul className="plan-goals">
              {plan.goals
                .filter((g) => g.domain === domain)
                .map((goal) => (
                  <GoalItem key={goal.id} goal={goal} onSaved={saved(goal.id)} />
                ))}
            </ul>
          </section>
        ))}
      </section>

      <AccessLog />
    </div>
  );
}
