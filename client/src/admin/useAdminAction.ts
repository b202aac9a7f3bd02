import { useCallback, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from './fieldError.js';
import type { FieldError } from './fieldError.js';

/**
 * One admin form's request: busy while it runs, then either what was done (for a status line)
 * or the refusal naming the field (for an alert, and `aria-invalid` on that field).
 */
export function useAdminAction(labels: Record<string, string>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FieldError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const run = useCallback(
    async (action: () => Promise<unknown>, doneText: string): Promise<boolean> => {
      setBusy(true);
      setError(null);
      setDone(null);
      try {
        await action();
        setDone(doneText);
        return true;
      } catch (e) {
        setError(fieldError(e, labels, t));
        return false;
      } finally {
        setBusy(false);
      }
    },
    // The labels are built on each render from the same texts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, JSON.stringify(labels)],
  );
  /** Props for an input of `field`: marked invalid and pointing at the alert when it was refused. */
  const fieldProps = (field: string, errorId: string) =>
    error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};
  /** A form's submit handler: runs the request and, once it is done, `then` (empty the form, reload). */
  const submit =
    (action: () => Promise<unknown>, doneText: string, then: () => void) => (event: FormEvent) => {
      event.preventDefault();
      void run(action, doneText).then((ok) => {
        if (ok) then();
      });
    };
  return { busy, error, done, run, submit, fieldProps, clear: () => (setError(null), setDone(null)) };
}
