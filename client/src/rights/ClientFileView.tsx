import { useTranslation } from 'react-i18next';
import { formatBsn } from '../../../shared/bsn.js';
import type { ClientFile } from '../../../shared/rightsApi.js';
import { formatDateTime } from '../i18n/index.js';
import { FileMeetings } from './FileMeetings.js';
import { fileDate, Part } from './FilePart.js';
import { FileSignalPlan } from './FileSignalPlan.js';
import '../i18n/nl/myPlan.js';
import '../i18n/nl/rights.js';

/**
 * The client's copy in plain words (SPEC RT9): every section of the JSON file, in the same order,
 * readable on screen and on paper. The file is the server's; this page only shows it.
 */
export function ClientFileView({ file }: { file: ClientFile }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const date = (iso: string | null) => fileDate(iso, lng);
  const who = (name: string | null) => name ?? t('rights.file.noName');
  const ownCopy = file.madeBy.role === 'client';
  const details = Object.entries(file.client.details).filter(([, value]) => value !== null && value !== '');
  return (
    <article className="client-file">
      <h1>{t('rights.file.heading', { name: file.client.name })}</h1>
      <p>{t('rights.file.madeOn', { date: formatDateTime(file.exportedAt, lng), name: file.madeBy.name })}</p>
      <p className="lead">
        {ownCopy ? t('rights.file.intro') : t('rights.file.onBehalf', { name: file.madeBy.name })}
      </p>

      <Part id="details" heading={t('rights.file.details.heading')} empty={false}>
        <dl className="file-details">
          <dt>{t('rights.file.details.name')}</dt>
          <dd>{file.client.name}</dd>
          <dt>{t('rights.file.details.birthYear')}</dt>
          <dd>{file.client.birthYear ?? '—'}</dd>
          <dt>{t('rights.file.details.neighbourhood')}</dt>
          <dd>{file.client.neighbourhood}</dd>
          <dt>{t('rights.file.details.reason')}</dt>
          <dd>
            {t(`recoveryContext.${file.client.recoveryContext}`, {
              defaultValue: file.client.recoveryContext,
            })}
          </dd>
          <dt>{t('rights.file.details.status')}</dt>
          <dd>{t(`rights.file.details.${file.client.status}`)}</dd>
          <dt>{t('rights.file.details.registeredAt')}</dt>
          <dd>{date(file.client.registeredAt)}</dd>
          {details.map(([field, value]) => (
            <div key={field} className="file-detail">
              <dt>{t(`rights.file.details.field.${field}`, { defaultValue: field })}</dt>
              <dd>{field === 'bsn' ? formatBsn(String(value)) : String(value)}</dd>
            </div>
          ))}
        </dl>
      </Part>

      <Part id="team" heading={t('rights.file.team.heading')} empty={file.team.length === 0}>
        <ul>
          {file.team.map((m) => (
            <li key={`${m.name}-${m.caseRole}`}>
              <strong>{m.name}</strong>
              {m.roleTitle && `, ${m.roleTitle}`}
              {m.organisation && ` (${m.organisation})`}
              {file.coordinator?.name === m.name && ` — ${t('rights.file.team.coordinator')}`}
              {m.phone && ` · ${m.phone}`}
              {m.email && ` · ${m.email}`}
            </li>
          ))}
        </ul>
      </Part>

      <Part id="goals" heading={t('rights.file.goals.heading')} empty={file.goals.length === 0}>
        {file.goals.map((g, i) => (
          <div key={i} className="file-goal">
            <h3>{g.title}</h3>
            <p>
              {t(`domain.${g.domain}`)} · {t(`phase.${g.phase}`)} · {t(`status.${g.status}`)}
            </p>
            {g.clientWords && <p>{t('rights.file.goals.yourWords', { words: g.clientWords })}</p>}
            {g.owner && <p>{t('rights.file.goals.owner', { name: g.owner })}</p>}
            {g.targetDate && <p>{t('rights.file.goals.targetDate', { date: date(g.targetDate) })}</p>}
            {!g.visibleToClient && <p className="muted">{t('rights.file.goals.hidden')}</p>}
            {g.steps.length > 0 && (
              <ol>
                {g.steps.map((s, j) => (
                  <li key={j}>
                    {s.text} ({s.done ? t('rights.file.goals.done') : t('rights.file.goals.todo')}
                    {s.owner && `, ${s.owner}`}
                    {s.dueDate && `, ${date(s.dueDate)}`})
                  </li>
                ))}
              </ol>
            )}
          </div>
        ))}
      </Part>

      <Part
        id="perspectives"
        heading={t('rights.file.perspectives.heading')}
        empty={file.perspectives.length === 0}
      >
        {file.perspectives.map((p) => (
          <div key={p.id} className="file-perspective">
            <h3>
              {p.label ?? t(`perspective.${p.id}`, { defaultValue: p.id })}
              {!p.active && ` (${t('rights.file.perspectives.inactive')})`}
            </h3>
            {(['situation', 'strengths', 'concerns'] as const).map((field) =>
              p[field].trim() ? (
                <p key={field}>
                  <strong>{t(`rights.file.perspectives.${field}`)}:</strong> {p[field]}
                </p>
              ) : null,
            )}
          </div>
        ))}
      </Part>

      <FileSignalPlan signalPlan={file.signalPlan} />

      <Part
        id="observations"
        heading={t('rights.file.observations.heading')}
        empty={file.observations.length === 0}
      >
        <ul>
          {file.observations.map((o, i) => (
            <li key={i}>
              {formatDateTime(o.at, lng)}, {o.by}: {t(`rights.file.state.${o.state}`)}
              {o.relapse && ` (${t('rights.file.observations.relapse')})`}. {o.note}
            </li>
          ))}
        </ul>
      </Part>

      <Part id="questions" heading={t('rights.file.voice.heading')} empty={file.voice.questions.length === 0}>
        <ul>
          {file.voice.questions.map((q, i) => (
            <li key={i}>
              {q.text} (
              {q.discussedAt
                ? t('rights.file.voice.discussed', { date: date(q.discussedAt) })
                : t('rights.file.voice.open')}
              )
            </li>
          ))}
        </ul>
      </Part>

      <Part id="compartments" heading={t('rights.file.compartments.heading')} empty={false}>
        {file.compartments.map((c) => (
          <div key={c.side}>
            <h3>{t(`rights.file.compartments.${c.side}`)}</h3>
            {!c.included ? (
              <p className="muted">{t('rights.file.compartments.leftOut')}</p>
            ) : c.notes.length === 0 ? (
              <p className="muted">{t('rights.file.none')}</p>
            ) : (
              <ul>
                {c.notes.map((n, i) => (
                  <li key={i}>
                    {date(n.createdAt)}, {who(n.author)}: {n.text}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </Part>

      <FileMeetings meetings={file.meetings} />

      <Part id="consents" heading={t('rights.file.consents.heading')} empty={file.consents.length === 0}>
        <ul>
          {file.consents.map((c) => (
            <li key={c.id}>
              {t('rights.file.consents.item', {
                compartment: t(`rights.file.compartments.${c.compartment}`),
                who: c.sharedWithName ?? t('rights.file.consents.otherSide'),
                date: date(c.givenOn),
              })}{' '}
              {c.withdrawnAt
                ? t('rights.file.consents.withdrawn', { date: date(c.withdrawnAt) })
                : t('rights.file.consents.until', { date: date(c.validUntil) })}
            </li>
          ))}
        </ul>
      </Part>

      <Part id="referrals" heading={t('rights.file.referrals.heading')} empty={file.referrals.length === 0}>
        {null}
      </Part>

      <Part id="versions" heading={t('rights.file.versions.heading')} empty={file.versions.length === 0}>
        <p>{t('rights.file.versions.count', { count: file.versions.length })}</p>
      </Part>

      <Part id="access-log" heading={t('rights.file.accessLog.heading')} empty={file.accessLog.length === 0}>
        <ul className="file-log">
          {file.accessLog.map((e, i) => (
            <li key={i}>
              {formatDateTime(e.at, lng)}: {e.name}
              {e.role && ` (${t(`myPlan.role.${e.role}`, { defaultValue: e.role })})`}{' '}
              {t(`myPlan.event.${e.event}`, { defaultValue: e.event })}
            </li>
          ))}
        </ul>
      </Part>
    </article>
  );
}
