import { useEffect, useState } from 'react';
import type { PasswordVerdict } from '../../../shared/passwordPolicy.js';
import type { judgePassword } from '../../../shared/passwordStrength.js';

type Judge = typeof judgePassword;
let loading: Promise<Judge> | null = null;
/** zxcvbn and its word lists (a few MB), loaded the first time a password page needs them. */
const loadJudge = () =>
  (loading ??= import('../../../shared/passwordStrength.js').then((module) => module.judgePassword));

/**
 * The verdict on a new password as it is typed (the same rule the server applies), a moment
 * after the typing pauses; null while the rule is loading or nothing is typed.
 */
export function usePasswordVerdict(password: string, names: string[]): PasswordVerdict | null {
  const [verdict, setVerdict] = useState<{ password: string; verdict: PasswordVerdict } | null>(null);
  const namesKey = names.join('\n');
  useEffect(() => {
    if (!password) return;
    let current = true;
    const timer = setTimeout(() => {
      void loadJudge().then((judge) => {
        if (current) setVerdict({ password, verdict: judge(password, namesKey.split('\n')) });
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, namesKey]);
  return password && verdict?.password === password ? verdict.verdict : null;
}
