import { useState } from 'react';
import { postJson } from '../api.js';

/**
 * Marks a client's question discussed, on the board and in a meeting alike. The question lives in
 * a server-only root (SPEC V9), so this goes through the API, which writes who and when.
 */
export function useMarkDiscussed(caseId: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mark = async (questionId: string) => {
    setBusy(true);
    setError(null);
    try {
      await postJson(
        `/api/cases/${encodeURIComponent(caseId)}/client-questions/${encodeURIComponent(questionId)}/discussed`,
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { mark, busy, error };
}
