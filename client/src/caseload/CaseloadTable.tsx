import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CaseloadRow } from '../../../shared/api.js';
import { lifeDomains } from '../../../shared/domain.js';
import type { Risk } from '../../../shared/risk.js';
import { SignalStateBadge } from '../components/SignalStateBadge.js';
import { formatDateTime, formatMoment, formatRelative } from '../i18n/index.js';
import { riskReasonText } from './riskText.js';
import './caseload.css';
import '../i18n/nl/intake.js';
import '../i18n/nl/recovery.js';

const levelBars = { low: 1, medium: 2, high: 3 } as const;

/** The risk level as a word and a small meter, with every reason as a sentence: always why. */
function RiskCell({ risk }: { risk: Risk }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={`risk-level risk-${risk.level}`}>
        <span className="risk-meter" aria-hidden="true">
          {[1, 2, 3].map((bar) => (
            <span key={bar} className={bar <= levelBars[risk.level] ? 'is-on' : undefined} />
          ))}
        </span>
        {t('risk.levelLabel', { level: t(`risk.level.${risk.level}`).toLowerCase() })}
      </span>
      {risk.reasons.length > 0 && (
        <ul className="risk-reasons">
          {risk.reasons.map((reason) => (
            <li key={reason.code}>{riskReasonText(t, reason)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Where the client is in each life domain: the earliest phase that still has open work. */
function PhaseCells({ phases }: { phases: CaseloadRow['phaseByDomain'] }) {
  const { t } = useTranslation();
  return (
    <ul className="phase-cells">
      {lifeDomains.map((domain) => {
        const phase = phases[domain];
        const full = t('caseload.phaseOf', {
          domain: t(`domain.${domain}`),
          phase: phase ? t(`phase.${phase}`) : t('caseload.noPhase'),
        });
        return (
          <li key={domain} className={`phase-cell phase-${phase ?? 'none'}`} title={full}>
            <span aria-hidden="true">
              <span className="phase-cell-icon">{t(`domainIcon.${domain}`)}</span>
              {phase ? t(`phaseShort.${phase}`) : t('caseload.none')}
            </span>
            <span className="visually-hidden">{full}</span>
          </li>
        );
      })}
    </ul>
  );
}

function Row({ row, updated }: { row: CaseloadRow; updated: boolean }) {
  const { t, i18n } = useTranslation();
  const classes = [row.changedSinceLastVisit && 'is-changed', updated && 'is-updated'].filter(Boolean);
  return (
    <tr className={classes.length > 0 ? classes.join(' ') : undefined}>
      <th scope="row">
        <Link to={`/cases/${encodeURIComponent(row.caseId)}`}>{row.clientName}</Link>
        <span className="row-sub muted">{row.neighbourhood}</span>
        {row.closedAt && <span className="badge badge-closed">{t('caseloadStatus.closedBadge')}</span>}
        {row.needsNewCoordinator && (
          <span className="badge badge-needs-coordinator">{t('caseloadStatus.needsCoordinator')}</span>
        )}
        {row.changedSinceLastVisit && (
          <span className="badge badge-changed" title={t('caseload.changedLong')}>
            <span aria-hidden="true">✱ </span>
            {t('caseload.changed')}
            <span className="visually-hidden"> ({t('caseload.changedLong').toLowerCase()})</span>
          </span>
        )}
        {updated && (
          <span className="badge badge-updated" title={t('caseload.updatedNowLong')}>
            {t('caseload.updatedNow')}
          </span>
        )}
      </th>
      <td>
        <SignalStateBadge state={row.signalState} />
      </td>
      <td className="risk-cell">
        <RiskCell risk={row.risk} />
      </td>
      <td>
        <PhaseCells phases={row.phaseByDomain} />
      </td>
      <td className={row.overdueSteps > 0 ? 'overdue nowrap' : 'nowrap'}>
        {row.overdueSteps > 0 ? t('caseload.overdueSteps', { count: row.overdueSteps }) : t('caseload.none')}
      </td>
      <td className="nowrap">
        {row.nextMeetingAt ? formatMoment(row.nextMeetingAt, i18n.language) : t('caseload.none')}
      </td>
      <td className="nowrap">
        {row.lastChangeAt ? (
          <time dateTime={row.lastChangeAt} title={formatDateTime(row.lastChangeAt, i18n.language)}>
            {formatRelative(row.lastChangeAt, i18n.language)}
          </time>
        ) : (
          t('caseload.none')
        )}
      </td>
    </tr>
  );
}

/** One row per client, the client's name leading to their board. */
export function CaseloadTable({
  rows,
  busy,
  updated = new Set(),
}: {
  rows: CaseloadRow[];
  busy: boolean;
  /** Rows that changed while the page was open (CL10). */
  updated?: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  return (
    <div className="caseload-scroll">
      <table className={`caseload-table${busy ? ' is-busy' : ''}`} aria-busy={busy}>
        <caption className="visually-hidden">{t('caseload.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('caseload.client')}</th>
            <th scope="col">{t('caseload.signal')}</th>
            <th scope="col">{t('caseload.risk')}</th>
            <th scope="col">{t('caseload.phases')}</th>
            <th scope="col">{t('caseload.overdue')}</th>
            <th scope="col">{t('caseload.nextMeeting')}</th>
            <th scope="col">{t('caseload.lastChange')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row key={row.caseId} row={row} updated={updated.has(row.caseId)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
