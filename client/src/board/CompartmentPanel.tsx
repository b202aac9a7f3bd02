import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetails, CaseMember } from '../../../shared/api.js';
import { addNote, noteText, readNotes } from '../../../shared/doc/compartment.js';
import type { CompartmentNote } from '../../../shared/doc/compartment.js';
import { professionalDomains } from '../../../shared/domain.js';
import type { ProfessionalDomain } from '../../../shared/domain.js';
import { caseDocumentName, closeCodes } from '../../../shared/protocol.js';
import { CollabPresence } from '../components/collabPresence.js';
import { CollabText } from '../components/CollabText.js';
import { formatDateTime } from '../i18n/index.js';
import { useSession } from '../session.js';
import type { CaseDocument } from '../sync/caseDocument.js';
import { useCaseDocument, useConnectionState } from '../sync/hooks.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import './panels.css';
import '../i18n/nl/access.js';

/** The notes of a compartment document, re-read after every change. */
function useNotes(document: CaseDocument): CompartmentNote[] {
  const cache = useRef<{ version: number; notes: CompartmentNote[] } | null>(null);
  return useSyncExternalStore(document.subscribeChanges, () => {
    if (!cache.current || cache.current.version !== document.version) {
      cache.current = { version: document.version, notes: readNotes(document.doc) };
    }
    return cache.current.notes;
  });
}

interface CompartmentProps {
  part: ProfessionalDomain;
  details: CaseDetails;
  members: Map<string, CaseMember>;
}

function OpenCompartment({
  part,
  details,
  members,
  document,
}: CompartmentProps & { document: CaseDocument }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const notes = useNotes(document);
  const { state, localReady } = useConnectionState(document);
  const refused = state.kind === 'refused';
  const readOnly = details.myAccess.access === 'read' || refused;
  const authorId = user?.professionalId ?? null;

  useEffect(() => {
    // Access was taken away (e.g. consent withdrawn): forget this browser's copy of the notes.
    if (
      state.kind === 'refused' &&
      (state.code === closeCodes.forbidden || state.code === closeCodes.notFound)
    )
      void document.local.clearData();
  }, [state, document]);

  const heading = `compartment-${part}-heading`;
  return (
    <CollabPresence.Provider value={document.awareness}>
      <section className={`panel compartment compartment-${part}`} aria-labelledby={heading}>
        <header className="compartment-head">
          <h2 id={heading}>{t(`compartment.heading.${part}`)}</h2>
          <ConnectionIndicator state={state} subject="notes" />
        </header>
        <p className="muted">{t(`compartment.intro.${part}`)}</p>
        {refused ? (
          <p className="read-only-note">{t('compartment.refused')}</p>
        ) : !localReady && state.kind !== 'online' ? (
          <p role="status">{t('common.loading')}</p>
        ) : (
          <>
            {notes.length === 0 && <p>{t('compartment.none')}</p>}
            <ol className="notes">
              {notes.map((note) => {
                const author = members.get(note.authorId)?.name ?? t('compartment.unknownAuthor');
                const id = `note-${part}-${note.id}`;
                return (
                  <li key={note.id} className="note">
                    <label htmlFor={id}>
                      {t('compartment.noteBy', {
                        name: author,
                        date: note.createdAt ? formatDateTime(note.createdAt, i18n.language) : '—',
                      })}
                    </label>
                    <fieldset className="plain" disabled={readOnly}>
                      <CollabText
                        id={id}
                        text={noteText(document.doc, note.id)}
                        multiline
                        rows={3}
                        maxLength={20_000}
                      />
                    </fieldset>
                  </li>
                );
              })}
            </ol>
            {!readOnly && authorId && (
              <button
                type="button"
                onClick={() => {
                  const id = addNote(document.doc, authorId);
                  // Put the cursor in the new note, so typing can start at once.
                  requestAnimationFrame(() => window.document.getElementById(`note-${part}-${id}`)?.focus());
                }}
              >
                {t(`compartment.add.${part}`)}
              </button>
            )}
          </>
        )}
      </section>
    </CollabPresence.Provider>
  );
}

function Compartment(props: CompartmentProps) {
  const { t } = useTranslation();
  const document = useCaseDocument(caseDocumentName(props.details.id, props.part));
  if (!document) return <p role="status">{t('common.loading')}</p>;
  return <OpenCompartment {...props} document={document} />;
}

/** Per compartment shown on this page: how often it was granted anew, and whether it is now. */
type Shown = Partial<Record<ProfessionalDomain, { round: number; granted: boolean }>>;
function followGrants(shown: Shown, granted: readonly ProfessionalDomain[]): Shown {
  let next = shown;
  for (const part of professionalDomains) {
    const was = shown[part];
    const is = granted.includes(part);
    if (is === !!was?.granted) continue;
    if (next === shown) next = { ...shown };
    next[part] = is
      ? { round: (was?.round ?? -1) + 1, granted: true }
      : { round: was!.round, granted: false };
  }
  return next;
}

/**
 * The consent compartments this person receives: notes only the medical (or social) domain sees,
 * and others only with the client's consent. Each is a document of its own, never sent to anyone else.
 */
export function CompartmentPanel({ details }: { details: CaseDetails }) {
  const members = useMemo(() => new Map(details.members.map((m) => [m.id, m])), [details.members]);
  // A compartment whose consent was withdrawn or ended stays on screen: its connection is refused,
  // which erases this browser's copy of the notes and says so (instead of vanishing unexplained).
  // Granted again, it opens afresh (a new round, so a new connection).
  const granted = details.myAccess.compartments;
  const [shown, setShown] = useState<Shown>(() => followGrants({}, granted));
  const next = followGrants(shown, granted);
  if (next !== shown) setShown(next);
  const parts = professionalDomains.filter((part) => next[part]);
  return (
    <>
      {parts.map((part) => (
        <Compartment key={`${part}:${next[part]!.round}`} part={part} details={details} members={members} />
      ))}
    </>
  );
}
