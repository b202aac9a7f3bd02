import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CaseDetails } from '../../../shared/api.js';
import { readBoard } from '../../../shared/doc/board.js';
import { meetingNotes, readMeetingCase, tagPerspective } from '../../../shared/doc/meetingCase.js';
import type { MeetingAgendaCase } from '../../../shared/meetingApi.js';
import { caseDocumentName, meetingCaseDocumentName } from '../../../shared/protocol.js';
import { perspectiveLabel } from '../board/perspectiveLabel.js';
import { useDocRead } from '../board/useDocRead.js';
import { CollabPresence } from '../components/collabPresence.js';
import { CollabText } from '../components/CollabText.js';
import { useCaseDocument, useConnectionState, useDocumentAccess } from '../sync/hooks.js';
import type { CaseDocument } from '../sync/caseDocument.js';
import { ActionList } from './ActionList.js';
import { ChangesSince } from './ChangesSince.js';
import { ClientQuestions } from './ClientQuestions.js';
import { DecisionList } from './DecisionList.js';
import { useApi } from '../useApi.js';
import '../i18n/nl/meeting.js';

interface Props {
  meetingId: string;
  agendaCase: MeetingAgendaCase;
  readOnly: boolean;
  /** The meeting is closed (or this person may only read it): its page shows its record. */
  closed: boolean;
}

/** One case in the meeting, for its members: notes, decisions, actions, perspectives, what changed. */
export function MeetingCasePanel({ meetingId, agendaCase, readOnly, closed }: Props) {
  const item = useCaseDocument(meetingCaseDocumentName(meetingId, agendaCase.caseId));
  const board = useCaseDocument(caseDocumentName(agendaCase.caseId));
  const details = useApi<{ case: CaseDetails }>(`/api/cases/${agendaCase.caseId}`).data?.case;
  if (!item || !board || !details) return null;
  return (
    <OpenCase
      meetingId={meetingId}
      item={item}
      board={board}
      details={details}
      readOnly={readOnly}
      closed={closed}
    />
  );
}

function OpenCase({
  meetingId,
  item,
  board,
  details,
  readOnly: readOnlyHere,
  closed,
}: {
  meetingId: string;
  item: CaseDocument;
  board: CaseDocument;
  details: CaseDetails;
  readOnly: boolean;
  closed: boolean;
}) {
  const { t } = useTranslation();
  // The server's word counts at once, before the page has read the meeting again (a close).
  const itemAccess = useDocumentAccess(item);
  const boardAccess = useDocumentAccess(board);
  const readOnly = readOnlyHere || itemAccess === 'read';
  const boardReadOnly = readOnly || boardAccess === 'read';
  const { state, localReady } = useConnectionState(item);
  const discussed = useDocRead(item.doc, readMeetingCase);
  const boardData = useDocRead(board.doc, readBoard);
  const notes = useDocRead(item.doc, meetingNotes);
  const active = boardData.perspectives.filter((p) => p.active || discussed.perspectives.includes(p.id));
  if (!(localReady || state.kind === 'online')) return <p role="status">{t('common.loading')}</p>;
  return (
    <CollabPresence.Provider value={item.awareness}>
      <div className="meeting-case-body">
        <p>
          <Link to={`/cases/${details.id}`}>{t('meeting.openBoard', { name: details.clientName })}</Link>
        </p>
        <ChangesSince meetingId={meetingId} caseId={details.id} />
        <ClientQuestions
          board={board.doc}
          meetingId={meetingId}
          caseId={details.id}
          readOnly={boardReadOnly}
          closed={closed || itemAccess === 'read'}
        />
        <section aria-labelledby="notes-heading">
          <h3 id="notes-heading">{t('meeting.notes')}</h3>
          {/* "Everyone types along" is true only while the notes can be typed in. */}
          {!readOnly && (
            <p id="notes-hint" className="hint">
              {t('meeting.notesHint')}
            </p>
          )}
          <label htmlFor="meeting-notes" className="visually-hidden">
            {t('meeting.notes')}
          </label>
          {notes && !readOnly ? (
            <CollabText
              id="meeting-notes"
              text={notes}
              multiline
              rows={6}
              maxLength={20_000}
              aria-describedby="notes-hint"
            />
          ) : (
            <p id="meeting-notes" className="notes-read">
              {discussed.notes}
            </p>
          )}
        </section>
        <DecisionList doc={item.doc} decisions={discussed.decisions} readOnly={readOnly} />
        <ActionList
          meetingId={meetingId}
          doc={item.doc}
          actions={discussed.actions}
          members={details.members}
          goals={boardData.goals}
          caseId={details.id}
          readOnly={readOnly}
        />
        <fieldset className="perspective-tags" disabled={readOnly}>
          <legend>{t('meeting.perspectives')}</legend>
          <p className="hint">{t('meeting.perspectivesHint')}</p>
          {active.map((p) => (
            <label key={p.id} className="tag-choice">
              <input
                type="checkbox"
                checked={discussed.perspectives.includes(p.id)}
                onChange={(e) => tagPerspective(item.doc, p.id, e.target.checked)}
              />{' '}
              {perspectiveLabel(t, p)}
            </label>
          ))}
        </fieldset>
      </div>
    </CollabPresence.Provider>
  );
}
