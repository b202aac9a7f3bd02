import { Component, Suspense, lazy, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setGoalService } from '../../../shared/doc/board.js';
import type { Goal } from '../../../shared/doc/board.js';
import type { SocialService } from '../../../shared/socialMapApi.js';
import { telHref } from '../components/telHref.js';
import { ServiceCard } from '../socialMap/ServiceCard.js';
import { useMapOptions, useSettled } from '../socialMap/useMapOptions.js';
import { useApi } from '../useApi.js';
import { loadWalker } from '../decisionTrees/texts.js';
import type { ReferralStart } from '../decisionTrees/TreeWalker.js';
import { ReferralForm } from '../referrals/ReferralForm.js';
import { useBoardContext } from './context.js';
import '../socialMap/socialMap.css';

const TreeWalker = lazy(loadWalker);

/** The walker downloads when first opened; offline that fails, and says so here instead of taking the board down. */
class WhenLoaded extends Component<{ children: ReactNode; failed: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.failed : this.props.children;
  }
}

interface HelpAnswer {
  services: SocialService[];
  total: number;
  neighbourhoodId: string;
}

/**
 * Who helps with a goal (SPEC SM3): the services of the social map linked to it, each with its
 * named contact person, and "who can help with this?": services for the goal's life domain in the
 * client's neighbourhood (or the whole district), those for more of its perspectives first and
 * peer-run ones first among equals. A link is a board edit, live for everyone and in the client's plan.
 */
export function GoalHelp({ goal }: { goal: Goal }) {
  const { t } = useTranslation('socialMap');
  const { t: tc } = useTranslation();
  const { t: tr } = useTranslation('referrals');
  const { doc, caseDetails, readOnly } = useBoardContext();
  const { neighbourhoodName } = useMapOptions();
  const [open, setOpen] = useState(false);
  const [everywhere, setEverywhere] = useState(false);
  const [typed, setTyped] = useState('');
  const [referring, setReferring] = useState<SocialService | null>(null);
  const [walking, setWalking] = useState(false);
  const [start, setStart] = useState<ReferralStart | null>(null);
  const [sent, setSent] = useState('');
  const q = useSettled(typed);
  const ids = { q: useId(), panel: useId() };
  const linked = useApi<{ services: SocialService[] }>(
    goal.services.length > 0 ? `/api/social-map/services/by-id?ids=${goal.services.join(',')}` : null,
    { keepPrevious: true },
  );
  const query = new URLSearchParams({ lifeDomain: goal.domain, perspectives: goal.perspectives.join(',') });
  if (everywhere) query.set('everywhere', 'true');
  if (q.trim()) query.set('q', q.trim());
  const help = useApi<HelpAnswer>(open ? `/api/cases/${caseDetails.id}/help?${query.toString()}` : null, {
    keepPrevious: true,
  });
  const shown = (linked.data?.services ?? []).filter((s) => goal.services.includes(s.id));
  const link = (service: SocialService, on: boolean) => setGoalService(doc, goal.id, service.id, on);

  return (
    <section className="goal-help" aria-labelledby={`${ids.panel}-helps`}>
      <h3 id={`${ids.panel}-helps`}>{t('help.helps')}</h3>
      {goal.services.length === 0 ? (
        <p className="muted">{t('help.noneLinked')}</p>
      ) : (
        <ul className="linked-services">
          {shown.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong> ({s.organisationName}) · {s.contact.name}{' '}
              <a href={telHref(s.contact.phone)}>{s.contact.phone}</a>
              {!readOnly && (
                <>
                  <button type="button" className="link-button" onClick={() => setReferring(s)}>
                    {t('help.refer', { name: s.contact.name })}
                  </button>
                  <button type="button" className="link-button" onClick={() => link(s, false)}>
                    {t('help.unlink', { name: s.name })}
                  </button>
                </>
              )}
            </li>
          ))}
          {linked.data && shown.length < goal.services.length && <li className="muted">{t('help.gone')}</li>}
        </ul>
      )}
      <p role="status" className="form-ok">
        {sent}
      </p>
      {referring && (
        <Suspense fallback={null}>
          <ReferralForm
            caseId={caseDetails.id}
            goalId={goal.id}
            service={{ id: referring.id, name: referring.name, contactName: referring.contact.name }}
            onDone={({ toName }) => {
              setReferring(null);
              setSent(tr('form.sent', { name: toName }));
            }}
            onCancel={() => setReferring(null)}
          />
        </Suspense>
      )}
      {start && (
        <Suspense fallback={null}>
          <ReferralForm
            caseId={caseDetails.id}
            goalId={goal.id}
            initial={{
              toProfessionalId: start.toProfessionalId,
              reason: start.reason,
              serviceId: start.serviceId,
            }}
            onDone={({ toName }) => {
              setStart(null);
              setSent(tr('form.sent', { name: toName }));
            }}
            onCancel={() => setStart(null)}
          />
        </Suspense>
      )}
      {!readOnly && (
        <button type="button" aria-expanded={walking} onClick={() => setWalking(!walking)}>
          {t('help.whoRefers')}
        </button>
      )}
      {walking && (
        <WhenLoaded failed={<p role="alert">{tc('common.offlineUnavailable')}</p>}>
          <Suspense fallback={null}>
            <TreeWalker
              caseId={caseDetails.id}
              goalId={goal.id}
              onRefer={(s) => {
                setWalking(false);
                setStart(s);
              }}
              onClose={() => setWalking(false)}
            />
          </Suspense>
        </WhenLoaded>
      )}
      <button type="button" aria-expanded={open} aria-controls={ids.panel} onClick={() => setOpen(!open)}>
        {open ? t('help.close') : t('help.open')}
      </button>
      {open && (
        <div id={ids.panel} className="help-panel">
          <h3>{t('help.title', { domain: tc(`domain.${goal.domain}`).toLowerCase() })}</h3>
          <p className="muted">
            {everywhere || !help.data
              ? t('help.introEverywhere')
              : t('help.intro', { neighbourhood: neighbourhoodName(help.data.neighbourhoodId) })}
          </p>
          <div className="inline-field">
            <label htmlFor={ids.q}>{t('help.search')}</label>
            <input id={ids.q} type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={everywhere} onChange={(e) => setEverywhere(e.target.checked)} />{' '}
            {t('help.everywhere')}
          </label>
          {help.error && <p role="alert">{t('search.failed', { message: help.error })}</p>}
          {help.data && help.data.total === 0 && <p className="muted">{t('help.none')}</p>}
          <ul className="service-list">
            {help.data?.services.map((s) => {
              const isLinked = goal.services.includes(s.id);
              return (
                <li key={s.id}>
                  <ServiceCard
                    service={s}
                    neighbourhoodName={neighbourhoodName}
                    headingLevel={4}
                    actions={
                      readOnly ? null : isLinked ? (
                        <>
                          <span className="badge badge-ok">{t('help.linked')}</span>
                          <button type="button" onClick={() => link(s, false)}>
                            {t('help.unlink', { name: s.name })}
                          </button>
                        </>
                      ) : (
                        <button type="button" className="primary" onClick={() => link(s, true)}>
                          {t('help.link')}
                        </button>
                      )
                    }
                  />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
