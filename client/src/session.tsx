import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { SessionInfo, SessionUser } from '../../shared/api.js';
import { ApiRequestError, deleteJson, getJson, postJson, putJson, setCsrfToken } from './api.js';
import { setLanguage } from './i18n/index.js';
import type { Language } from './i18n/index.js';

interface SessionContextValue {
  /** undefined while the session is being checked, null when signed out. */
  user: SessionUser | null | undefined;
  signIn(username: string, password: string): Promise<void>;
  signedIn(info: SessionInfo): void;
  signOut(): Promise<void>;
  chooseLanguage(language: Language): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** The signed-in person, from the server's session (an httpOnly cookie the page cannot read). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  const signedIn = useCallback((info: SessionInfo) => {
    setCsrfToken(info.csrfToken);
    setLanguage(info.user.language);
    setUser(info.user);
  }, []);

  useEffect(() => {
    getJson<SessionInfo>('/api/session')
      .then(signedIn)
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
      async signOut() {
        await deleteJson('/api/session');
        setCsrfToken(null);
        setUser(null);
      },
      chooseLanguage(language) {
        setLanguage(language);
        if (user) {
          setUser({ ...user, language });
          void putJson('/api/session/language', { language });
        }
      },
    }),
    [user, signedIn],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
