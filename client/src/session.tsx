import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { SessionInfo, SessionUser } from '../../shared/api.js';
import { ApiRequestError, deleteJson, getJson, onSignedOut, postJson, putJson, setCsrfToken } from './api.js';
import { setLanguage } from './i18n/index.js';
import type { Language } from './i18n/index.js';

// The local copies need Yjs and IndexedDB: loaded when a session starts or ends, so the sign-in
// page (and the first download of every page) goes without them.
const localCopies = () => import('./sync/localCopies.js');

interface SessionContextValue {
  /** undefined while the session is being checked, null when signed out. */
  user: SessionUser | null | undefined;
  signIn(username: string, password: string): Promise<void>;
  signedIn(info: SessionInfo): void;
  /**
   * Signs out after the server has every change this browser keeps, then wipes the local copies.
   * Returns the documents it could not save (and stays signed in) unless `anyway`.
   */
  signOut(options?: { anyway?: boolean }): Promise<{ unsaved: string[] }>;
  /** True while signing out is busy saving what this browser keeps. */
  signingOut: boolean;
  /** The session ended by itself (expired, or ended elsewhere): the page says so. */
  expired: boolean;
  chooseLanguage(language: Language): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** The signed-in person, from the server's session (an httpOnly cookie the page cannot read). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [signingOut, setSigningOut] = useState(false);
  const [expired, setExpired] = useState(false);

  const signedIn = useCallback((info: SessionInfo) => {
    setCsrfToken(info.csrfToken);
    setLanguage(info.user.language);
    setExpired(false);
    // Another person's copies leave this browser before anything of this person is shown.
    void localCopies()
      .then(({ claimLocalCopies }) => claimLocalCopies(info.user.id))
      .finally(() => setUser(info.user));
  }, []);

  useEffect(() => {
    // A request answered "not signed in" while someone was: the session ended by itself. The
    // copies stay for this person only: signing in again syncs them, anyone else wipes them.
    return onSignedOut(() => {
      setCsrfToken(null);
      setUser((current) => {
        if (current) setExpired(true);
        return null;
      });
    });
  }, []);

  useEffect(() => {
    // Signed out, the answer is `{ user: null }`; a session that ended since is a 401.
    getJson<SessionInfo | { user: null }>('/api/session')
      .then((info) => (info.user === null ? setUser(null) : signedIn(info)))
      .catch((error: unknown) => {
        if (!(error instanceof ApiRequestError) || error.status !== 401) console.error(error);
        setUser(null);
      });
  }, [signedIn]);

  const value = useMemo<SessionContextValue>(
    () => ({
      user,
      signedIn,
      async signIn(username, password) {
        signedIn(await postJson<SessionInfo>('/api/session', { username, password }));
      },
      signingOut,
      expired,
      async signOut({ anyway = false } = {}) {
        setSigningOut(true);
        try {
          if (!anyway) {
            const { localDocumentNames, unsyncedDocuments } = await localCopies();
            const unsaved = await unsyncedDocuments(await localDocumentNames());
            if (unsaved.length > 0) return { unsaved };
          }
          await deleteJson('/api/session').catch(() => undefined);
          setCsrfToken(null);
          setUser(null);
          // After the pages let go of their copies (they unmount with the user), wipe them.
          await (await localCopies()).wipeLocalCopies();
          return { unsaved: [] };
        } finally {
          setSigningOut(false);
        }
      },
      chooseLanguage(language) {
        setLanguage(language);
        if (user) {
          setUser({ ...user, language });
          void putJson('/api/session/language', { language });
        }
      },
    }),
    [user, signedIn, signingOut, expired],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
