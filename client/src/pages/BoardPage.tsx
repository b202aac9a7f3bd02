import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'wouter';
import type { CaseDetails } from '../../../shared/api.js';
import { localToday } from '../../../shared/attention.js';
import { createGoal, readPerspectives } from '../../../shared/doc/board.js';
import type * as Y from 'yjs';
import type { LifeDomain, PerspectiveId, RecoveryPhase } from '../../../shared/domain.js';
import { caseDocumentName } from '../../../shared/protocol.js';
import { BalanceView } from '../board/BalanceView.js';
import { BoardGrid } from '../board/BoardGrid.js';
import { useDocRead } from '../board/useDocRead.js';
import { BoardFilters } from '../board/layout/BoardFilters.js';
import { isFiltering, matchesFilter, noFilter } from '../board/layout/boardFilter.js';
import type { BoardFilter } from '../board/layout/boardFilter.js';
import { BoardJumpMenu, BoardSection } from '../board/layout/BoardSection.js';
import { CaseLifePanel, ClosedBanner } from '../board/CaseLifePanel.js';
import { CaseTeamPanel } from '../board/CaseTeamPanel.js';
import { ClientVoicePanel } from '../board/ClientVoicePanel.js';
import { CompartmentPanel } from '../board/CompartmentPanel.js';
import { ConnectionIndicator } from '../board/ConnectionIndicator.js';
import { BoardContext, CardContext } from '../board/context.js';
import { CollabPresence } from '../components/collabPresence.js';
import { HistoryPanel } from '../board/history/HistoryPanel.js';
import { useLatestChanges } from '../board/history/latestChanges.js';
import { MeetingActionsPanel } from '../board/MeetingActionsPanel.js';
import { PerspectivesPanel } from '../board/PerspectivesPanel.js';
import { PresenceBar } from '../board/PresenceBar.js';
import { CaseReferralsPanel } from '../referrals/CaseReferralsPanel.js';
import { SignalPlanPanel } from '../board/SignalPlanPanel.js';
import { UndoControls } from '../board/undo/UndoControls.js';
import { useUndo } from '../board/undo/useUndo.js';
import { VersionsPanel } from '../board/versions/VersionsPanel.js';
import { useSession } from '../session.js';
import type { CaseDocument } from '../sync/caseDocument.js';
import { useBoard, useCaseDocument, useConnectionState, useDocumentAccess } from '../sync/hooks.js';
import { NotSavedPanel } from '../sync/NotSavedPanel.js';
import { colorFor, usePeers } from '../sync/presence.js';
import { useApi } from '../useApi.js';
import { lazyPart } from '../lazyPart.js';
import { withTexts } from '../pageTexts.js';
import '../board/board.css';
import '../i18n/nl/board.js';
import '../i18n/nl/rights.js';

// Opened by a click (a goal, an empty board's import): not needed to show the board.
// The goal editor's "who helps" shows services of the social map: their words come with it.
const GoalEditor = lazyPart(() =>
  withTexts(
    import('../board/GoalEditor.js').then((m) => m.GoalEditor),
    'socialMap',
  ),
);
const ImportPlan = lazyPart(() => import('../board/ImportPlan.js').then((m) => m.ImportPlan));

/** Each perspective's own label (null for a default one), read as a selector of its own. */
const perspectiveLabelsOf = (doc: Y.Doc): [PerspectiveId, string | null][] =>
  readPerspectives(doc).map((p) => [p.id, p.label]);

export function BoardPage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  const document = useCaseDocument(caseDocumentName(caseId));
  // Loaded again after a change of members or consent, so access and compartments follow.
  const {
    data,
    error,
    reload: load,
  } = useApi<{ case: CaseDetails }>(`/api/cases/${encodeURIComponent(caseId)}`);
  const details = data?.case;

  if (error) return <p role="alert">{t('board.loadError', { message: error })}</p>;
  if (!details || !document) return <p role="status">{t('common.loading')}</p>;
  return <OpenBoard details={details} document={document} reload={load} />;
}

function OpenBoard({
  details,
  document,
  reload,
}: {
  details: CaseDetails;
  document: CaseDocument;
  reload(): void;
}) {
  const { t } = useTranslation();
  const board = useBoard(document);
  const { state, localReady } = useConnectionState(document);
  const peers = usePeers(document.awareness);
  const { user } = useSession();
  // The server's word on access counts at once (a closed case, a changed membership); the page
  // reads the case again when it changes, for the reason and the rest of the details.
  const access = useDocumentAccess(document, reload);
  const readOnly = details.myAccess.access === 'read' || access === 'read';
  const undo = useUndo(document.doc, !readOnly);
  const [highlighted, setHighlighted] = useState<PerspectiveId | null>(null);
  const [openGoalId, openGoal] = useState<string | null>(null);
  const [chosenFilter, setFilter] = useState<BoardFilter>(noFilter);
  // A perspective someone switched off or removed meanwhile filters nothing any more.
  const perspectiveGone =
    chosenFilter.perspective !== null &&
    !board.perspectives.some((p) => p.id === chosenFilter.perspective && p.active);
  const filter = useMemo(
    () => (perspectiveGone ? { ...chosenFilter, perspective: null } : chosenFilter),
    [chosenFilter, perspectiveGone],
  );
  const latest = useLatestChanges(details.id);
  const members = useMemo(() => new Map(details.members.map((m) => [m.id, m])), [details]);

  useEffect(() => {
    // The server sets everyone's identity from their session; this is how this screen shows us.
    if (user)
      document.awareness.setLocalStateField('user', {
        id: user.id,
        name: user.displayName,
        color: colorFor(user.id),
      });
  }, [user, document]);

  const today = localToday();
  // Each context changes only when what it holds does, so a card renders again only for its own
  // goal: typing in a perspective changes the board's context, not the cards' one.
  const context = useMemo(
    () => ({
      doc: document.doc,
      awareness: document.awareness,
      caseDetails: details,
      members,
      peers,
      perspectives: board.perspectives,
      highlighted,
      setHighlighted,
      openGoal,
      today,
      readOnly,
      latest,
    }),
    [document, details, members, peers, board.perspectives, highlighted, today, readOnly, latest],
  );
  // Only the names: the same array (structural sharing) while anyone types in a perspective.
  const labelPairs = useDocRead(document.doc, perspectiveLabelsOf);
  const cards = useMemo(
    () => ({
      members,
      labels: new Map(labelPairs),
      peers,
      highlighted,
      openGoal,
      today,
      readOnly,
      latest,
    }),
    [members, labelPairs, peers, highlighted, today, readOnly, latest],
  );
  const openGoalData = board.goals.find((g) => g.id === openGoalId);
  const addGoal = useCallback(
    (domain: LifeDomain, phase: RecoveryPhase, title: string) => {
      const mine = user?.professionalId && members.has(user.professionalId) ? user.professionalId : null;
      createGoal(document.doc, { title, domain, phase, ownerId: mine });
    },
    [document, user, members],
  );
  const shown = useMemo(
    () =>
      isFiltering(filter)
        ? new Set(board.goals.filter((g) => matchesFilter(g, filter, today)).map((g) => g.id))
        : null,
    [board.goals, filter, today],
  );
  const ready = localReady || state.kind === 'online';
  const [imported, setImported] = useState<string | null>(null);

  return (
    <BoardContext.Provider value={context}>
      <CardContext.Provider value={cards}>
        <CollabPresence.Provider value={document.awareness}>
          <div className="board-page">
            <header className="board-header">
              <div>
                <p className="breadcrumb">
                  <Link to="/">{t('nav.clients')}</Link>
                  {(details.myAccess.lifecycle.close || details.myAccess.lifecycle.reopen) && (
                    <>
                      {' · '}
                      <Link to={`/cases/${details.id}/dossier`}>{t('rights.file.caseLink')}</Link>
                    </>
                  )}
                  {' · '}
                  {/* The plan as a FHIR R4 file for a GP system or another team (SPEC FH1). */}
                  <a href={`/api/cases/${encodeURIComponent(details.id)}/fhir`} download>
                    {t('rights.file.fhirLink')}
                  </a>
                </p>
                <h1>{details.clientName}</h1>
                <p className="muted">
                  {t(`recoveryContext.${details.recoveryContext}`)} · {details.neighbourhood}
                  {details.coordinator && ` · ${t('case.coordinator')}: ${details.coordinator.name}`}
                </p>
              </div>
              <div className="board-status">
                {!readOnly && <UndoControls undo={undo} />}
                <ConnectionIndicator state={state} />
                <PresenceBar peers={peers} />
              </div>
            </header>
            <ClosedBanner details={details} />
            <NotSavedPanel documents={(name) => name.startsWith(`case:${details.id}:`)} />
            {!ready ? (
              <p role="status">{t('common.loading')}</p>
            ) : (
              <>
                {readOnly && !details.closure && (
                  <p className="read-only-note" role="status">
                    {t('board.readOnly')}
                  </p>
                )}
                {details.myAccess.manage && !readOnly && !details.closure && board.goals.length === 0 && (
                  <Suspense fallback={null}>
                    <ImportPlan caseId={details.id} onDone={setImported} />
                  </Suspense>
                )}
                {imported && (
                  <p className="read-only-note" role="status">
                    {imported}
                  </p>
                )}
                <BoardJumpMenu />
                {highlighted && (
                  <p className="highlight-note" role="status">
                    {t('perspectives.highlightNote')}{' '}
                    <button type="button" className="small" onClick={() => setHighlighted(null)}>
                      {t('perspectives.unhighlight')}
                    </button>
                  </p>
                )}
                <BoardFilters
                  filter={filter}
                  onChange={setFilter}
                  members={details.members}
                  perspectives={board.perspectives}
                  shown={shown?.size ?? board.goals.length}
                  total={board.goals.length}
                />
                <BoardGrid doc={document.doc} goals={board.goals} shown={shown} onAdd={addGoal} />
                <BoardSection id="perspectives" name={t('boardLayout.section.perspectives')}>
                  <PerspectivesPanel />
                </BoardSection>
                <BoardSection id="balance" name={t('boardLayout.section.balance')}>
                  <BalanceView goals={board.goals} />
                </BoardSection>
                <BoardSection id="signalPlan" name={t('boardLayout.section.signalPlan')}>
                  <SignalPlanPanel online={state.kind === 'online'} goals={board.goals} />
                </BoardSection>
                <BoardSection id="meetingActions" name={t('boardLayout.section.meetingActions')}>
                  <MeetingActionsPanel caseId={details.id} canRefer={!readOnly && !details.closure} />
                </BoardSection>
                <BoardSection id="clientVoice" name={t('boardLayout.section.clientVoice')}>
                  <ClientVoicePanel />
                </BoardSection>
              </>
            )}
            <BoardSection id="caseLife" name={t('boardLayout.section.caseLife')}>
              <CaseLifePanel details={details} onChanged={reload} />
            </BoardSection>
            <BoardSection id="team" name={t('boardLayout.section.team')}>
              <CaseTeamPanel details={details} onChanged={reload} />
            </BoardSection>
            <BoardSection id="compartments" name={t('boardLayout.section.compartments')}>
              <CompartmentPanel details={details} />
            </BoardSection>
            <BoardSection id="referrals" name={t('panel.heading', { ns: 'referrals' })}>
              <CaseReferralsPanel caseId={details.id} canRefer={!readOnly && !details.closure} />
            </BoardSection>
            {/* Versions and history fold by themselves. */}
            <div id="board-section-versions">
              {ready && <VersionsPanel caseId={details.id} board={board} />}
            </div>
            <div id="board-section-history">
              {ready && <HistoryPanel caseId={details.id} board={board} />}
            </div>
            {openGoalData && (
              <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
                <GoalEditor key={openGoalData.id} goal={openGoalData} goals={board.goals} />
              </Suspense>
            )}
          </div>
        </CollabPresence.Provider>
      </CardContext.Provider>
    </BoardContext.Provider>
  );
}
