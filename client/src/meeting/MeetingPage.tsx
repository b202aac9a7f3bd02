import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import { readAgenda, startAgendaItem } from '../../../shared/doc/meeting.js';
import type { MeetingDetails } from '../../../shared/meetingApi.js';
import { meetingDocumentName } from '../../../shared/protocol.js';
import { deleteJson, postJson } from '../api.js';
import { useDocRead } from '../board/useDocRead.js';
import { ConnectionIndicator } from '../board/ConnectionIndicator.js';
import { PresenceBar } from '../board/PresenceBar.js';
import { formatDateTime } from '../i18n/index.js';
import type { CaseDocument } from '../sync/caseDocument.js';
import { useCaseDocument, useConnectionState, useDocumentAccess } from '../sync/hooks.js';
import { usePeers } from '../sync/presence.js';
import { NotSavedPanel } from '../sync/NotSavedPanel.js';
import { AddAgendaCase } from './AddAgendaCase.js';
import { AgendaList } from './AgendaList.js';
import { AttentionSpread } from './AttentionSpread.js';
import { shareCurrent, useChairCurrent } from './followChair.js';
import { MeetingCasePanel } from './MeetingCasePanel.js';
import './meeting.css';
import { useApi } from '../useApi.js';
import '../board/board.css';
import '../i18n/nl/meeting.js';

/** The live meeting: agenda, the chair moving through it, and the case being discussed. */
export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const { t } = useTranslation();
  const document = useCaseDocument(meetingDocumentName(meetingId));
  const {
    data,
    error,
    reload: load,
  } = useApi<{ meeting: MeetingDetails }>(`/api/meetings/${encodeURIComponent(meetingId)}`);
  const details = data?.meeting;

  if (error) return <p role="alert">{t('meeting.loadError', { message: error })}</p>;
  if (!details || !document) return <p role="status">{t('common.loading')}</p>;
  return <OpenMeeting details={details} document={document} reload={load} />;
}

function OpenMeeting({
  details,
  document,
  reload,
}: {
  details: MeetingDetails;
  document: CaseDocument;
  reload(): void;
}) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const { state } = useConnectionState(document);
  const peers = usePeers(document.awareness);
  const agenda = useDocRead(document.doc, readAgenda);
  const chair = useChairCurrent(document.awareness, details.chairUserId, agenda);
  // Closing the meeting makes its documents read-only: the server says so at once, and the page
  // reads the meeting again (status, minutes link) when it does.
  const access = useDocumentAccess(document, reload);
  const closed = details.status === 'closed';
  const readOnly = closed || access === 'read';
  const [following, setFollowing] = useState(!details.iAmChair);
  const [own, setOwn] = useState<string | null>(null);
  const current = details.iAmChair ? (agenda.find((i) => i.startedAt !== null)?.id ?? null) : chair.current;
  const selected =
    !details.iAmChair && following && current ? current : (own ?? current ?? agenda[0]?.id ?? null);

  // The chair's screen tells everyone's which item is on; re-shared after a reload.
  useEffect(() => {
    if (details.iAmChair) shareCurrent(document.awareness, current);
  }, [details.iAmChair, document, current]);

  const discuss = (caseId: string | null) => {
    startAgendaItem(document.doc, caseId, Date.now());
    setOwn(caseId);
  };
  const select = (caseId: string) => {
    if (details.iAmChair) setOwn(caseId);
    else {
      setFollowing(false);
      setOwn(caseId);
    }
  };
  const next = () => {
    const index = agenda.findIndex((i) => i.id === current);
    discuss(agenda[index + 1]?.id ?? null);
  };
  const close = async () => {
    if (!window.confirm(t('meeting.closeConfirm'))) return;
    await postJson(`/api/meetings/${details.id}/close`);
    void navigate(`/overleg/${details.id}/verslag`);
  };
  const remove = async (caseId: string) => {
    await deleteJson(`/api/meetings/${details.id}/agenda/${caseId}`);
    reload();
  };
  // Another attendee put a case on the agenda or took one off: read the details (who may see
  // what of it) again, once per change of the live agenda.
  const liveIds = agenda
    .map((i) => i.id)
    .sort()
    .join(',');
  const knownIds = details.agenda
    .map((c) => c.caseId)
    .sort()
    .join(',');
  // Once per live agenda, so a server that disagrees is not asked again and again.
  const askedFor = useRef(knownIds);
  useEffect(() => {
    if (liveIds === knownIds || liveIds === askedFor.current) return;
    askedFor.current = liveIds;
    reload();
  }, [liveIds, knownIds, reload]);
  const selectedCase = details.agenda.find((c) => c.caseId === selected);
  const selectedItem = agenda.find((i) => i.id === selected);

  return (
    <div className="meeting-page">
      <header className="board-header">
        <div>
          <p className="breadcrumb">
            <Link to="/overleg">{t('meeting.back')}</Link>
          </p>
          <h1>{details.title}</h1>
          <p className="muted">
            {formatDateTime(details.startsAt, i18n.language)} · {details.neighbourhoodName} ·{' '}
            {t('meetings.chair', { name: details.chairName })} · {t(`meeting.status.${details.status}`)}
          </p>
          <p className="muted">
            {t('meeting.attendees')}:{' '}
            {details.attendees
              .map((a) => (a.professionalId ? a.name : `${a.name} (${t('meeting.guest')})`))
              .join(', ')}
          </p>
        </div>
        <div className="board-status">
          <ConnectionIndicator state={state} subject="meeting" />
          <PresenceBar peers={peers} />
        </div>
      </header>
      <NotSavedPanel
        documents={(name) =>
          name === `meeting:${details.id}` ||
          name.startsWith(`meeting:${details.id}:case:`) ||
          details.agenda.some((c) => name === `case:${c.caseId}:shared`)
        }
      />
      {closed && (
        <p className="read-only-note" role="status">
          {t('meeting.closed')} <Link to={`/overleg/${details.id}/verslag`}>{t('meeting.minutes')}</Link>
        </p>
      )}
      {!closed && details.iAmChair && (
        <section className="chair-controls" aria-label={t('meeting.chairControls')}>
          {selected && selected !== current && selectedItem && (
            <button type="button" onClick={() => discuss(selected)}>
              {t('meeting.discuss', { alias: selectedItem.alias })}
            </button>
          )}
          <button type="button" onClick={next} disabled={agenda.length === 0}>
            {t('meeting.next')}
          </button>
          <button type="button" onClick={() => discuss(null)} disabled={!current}>
            {t('meeting.stop')}
          </button>
          <button type="button" className="danger" onClick={() => void close()}>
            {t('meeting.close')}
          </button>
        </section>
      )}
      {!closed && !details.iAmChair && (
        <p className="follow-bar" role="status">
          {!chair.present && !current
            ? t('meeting.chairAway')
            : current
              ? t('meeting.chairAt', { alias: agenda.find((i) => i.id === current)?.alias ?? '' })
              : ''}{' '}
          {following ? t('meeting.following') : t('meeting.notFollowing')}{' '}
          <button
            type="button"
            className="small"
            aria-pressed={following}
            onClick={() => setFollowing(!following)}
          >
            {t('meeting.follow')}
          </button>
        </p>
      )}
      <div className="meeting-layout">
        <section className="panel agenda-panel" aria-labelledby="agenda-heading">
          <h2 id="agenda-heading">{t('meeting.agenda')}</h2>
          <AgendaList
            doc={document.doc}
            agenda={agenda}
            selected={selected}
            current={current}
            readOnly={readOnly}
            onSelect={select}
            canRemove={(id) =>
              !readOnly &&
              (details.iAmChair || details.agenda.find((c) => c.caseId === id)?.access === 'write')
            }
            onRemove={(id) => void remove(id)}
          />
          {!readOnly && (
            <AddAgendaCase details={details} onAgenda={new Set(agenda.map((i) => i.id))} onAdded={reload} />
          )}
          <AttentionSpread meetingId={details.id} refreshKey={current ?? ''} />
        </section>
        <section className="panel meeting-case" aria-live="polite" aria-labelledby="meeting-case-heading">
          {!selectedCase || !selectedItem ? (
            <p id="meeting-case-heading">{t('meeting.pickItem')}</p>
          ) : (
            <>
              <h2 id="meeting-case-heading">
                {selectedCase.clientName ?? selectedItem.alias}{' '}
                {selectedCase.clientName && <span className="muted">({selectedItem.alias})</span>}
              </h2>
              <p className="meeting-question">{selectedItem.question}</p>
              {selectedCase.member ? (
                <MeetingCasePanel
                  key={selectedCase.caseId}
                  meetingId={details.id}
                  agendaCase={selectedCase}
                  readOnly={readOnly || selectedCase.access !== 'write'}
                  closed={readOnly}
                />
              ) : (
                <p className="agenda-line-only">
                  {t('meeting.agendaLineOnly', { alias: selectedItem.alias })}
                </p>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}
