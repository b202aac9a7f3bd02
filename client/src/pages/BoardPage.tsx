import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CaseDetails, ProfessionalSummary } from '../../../shared/api.js';
import { localToday } from '../../../shared/attention.js';
import { createGoal } from '../../../shared/doc/board.js';
import type { PerspectiveId } from '../../../shared/domain.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { getJson } from '../api.js';
import { BalanceView } from '../board/BalanceView.js';
import { BoardGrid } from '../board/BoardGrid.js';
import { ConnectionIndicator } from '../board/ConnectionIndicator.js';
import { BoardContext } from '../board/context.js';
import { GoalEditor } from '../board/GoalEditor.js';
import { PerspectivesPanel } from '../board/PerspectivesPanel.js';
import { PresenceBar } from '../board/PresenceBar.js';
import { useMe } from '../identity.js';
import type { CaseDocument } from '../sync/caseDocument.js';
import { useBoard, useCaseDocument, useConnectionState } from '../sync/hooks.js';
import { colorFor, usePeers } from '../sync/presence.js';

export function BoardPage({ professionals }: { professionals: ProfessionalSummary[] }) {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  const [details, setDetails] = useState<CaseDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  const document = useCaseDocument(caseDocumentName(caseId));

  useEffect(() => {
    setDetails(null);
    getJson<{ case: CaseDetails }>(`/api/cases/${encodeURIComponent(caseId)}`)
      .then((body) => setDetails(body.case))
      .catch((e: Error) => setError(e.message));
  }, [caseId]);

  if (error) return <p role="alert">{t('board.loadError', { message: error })}</p>;
  if (!details || !document) return <p role="status">{t('common.loading')}</p>;
  return <OpenBoard details={details} document={document} professionals={professionals} />;
}

function OpenBoard({
  details,
  document,
  professionals,
}: {
  details: CaseDetails;
  document: CaseDocument;
  professionals: ProfessionalSummary[];
}) {
  const { t } = useTranslation();
  const board = useBoard(document);
  const { state, localReady } = useConnectionState(document);
  const peers = usePeers(document.awareness);
  const me = useMe();
  const [highlighted, setHighlighted] = useState<PerspectiveId | null>(null);
  const [openGoalId, openGoal] = useState<string | null>(null);
  const members = useMemo(() => new Map(details.members.map((m) => [m.id, m])), [details]);

  useEffect(() => {
    const person = professionals.find((p) => p.id === me);
    const id = person?.id ?? `guest-${document.awareness.clientID}`;
    document.awareness.setLocalStateField('user', {
      id,
      name: person?.name ?? t('presence.guest'),
      color: colorFor(id),
    });
  }, [me, professionals, document, t]);

  const context = {
    doc: document.doc,
    awareness: document.awareness,
    caseDetails: details,
    members,
    peers,
    perspectives: board.perspectives,
    highlighted,
    setHighlighted,
    openGoal,
    today: localToday(),
  };
  const openGoalData = board.goals.find((g) => g.id === openGoalId);
  const ready = localReady || state.kind === 'online';

  return (
    <BoardContext.Provider value={context}>
      <div className="board-page">
        <header className="board-header">
          <div>
            <p className="breadcrumb">
              <Link to="/">{t('nav.clients')}</Link>
            </p>
            <h1>{details.clientName}</h1>
            <p className="muted">
              {t(`recoveryContext.${details.recoveryContext}`)} · {details.neighbourhood}
              {details.coordinator && ` · ${t('case.coordinator')}: ${details.coordinator.name}`}
            </p>
          </div>
          <div className="board-status">
            <ConnectionIndicator state={state} />
            <PresenceBar peers={peers} />
          </div>
        </header>
        {!ready ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <>
            <PerspectivesPanel />
            <BalanceView goals={board.goals} />
            {highlighted && (
              <p className="highlight-note" role="status">
                {t('perspectives.highlightNote')}{' '}
                <button type="button" className="small" onClick={() => setHighlighted(null)}>
                  {t('perspectives.unhighlight')}
                </button>
              </p>
            )}
            <BoardGrid
              goals={board.goals}
              onAdd={(domain, phase) => {
                const id = createGoal(document.doc, {
                  title: t('board.newGoalTitle'),
                  domain,
                  phase,
                  ownerId: me && members.has(me) ? me : null,
                });
                openGoal(id);
              }}
            />
          </>
        )}
        {openGoalData && <GoalEditor key={openGoalData.id} goal={openGoalData} goals={board.goals} />}
      </div>
    </BoardContext.Provider>
  );
}
