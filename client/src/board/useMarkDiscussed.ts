import { useState } from 'react';
import { postJson } from '../api.js';

/**
 * Marks a client's question discussed, on the board or (with `meetingId`) in a meeting, which its
 * minutes then list. The question lives in a server-only root (SPEC V9), so this goes through the
 * API, which writes who, when and where.
 */
export function useMarkDiscussed(caseId: string, meetingId?: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mark = async (questionId: string) => {
    setBusy(true);
    setError(null);
    try {
      const question = `client-questions/${encodeURIComponent(questionId)}/discussed`;
      await postJson(
        meetingId
          ? `/api/meetings/${encodeURIComponent(meetingId)}/cases/${encodeURIComponent(caseId)}/${question}`
          : `/api/cases/${encodeURIComponent(caseId)}/${question}`,
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { mark, busy, error };
}
