import type { Rate } from '../../../shared/collaborationHealth.js';
import { statements } from '../../../shared/collaborationHealthStatements.js';
import type { Statement, StatementGroup } from '../../../shared/collaborationHealthStatements.js';

/** The groups of the scan in the order the form asks them: the nine conditions, then the pulse. */
export const groups: StatementGroup[] = [...new Set(statements.map((s) => s.group))];

export const statementsOf = (group: StatementGroup): Statement[] =>
  statements.filter((s) => s.group === group);

/** A statement in the reader's language (Dutch unless English is chosen). */
export const statementText = (s: Statement, language: string): string => (language === 'en' ? s.en : s.nl);

/** A mean or a rate with one decimal, in the reader's language (a comma in Dutch). */
export const decimal = (value: number, language: string): string =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);

/** A date 'YYYY-MM-DD' or an ISO moment as the reader writes it. */
export const day = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(
    new Date(iso.length === 10 ? `${iso}T12:00:00` : iso),
  );

/** Today as 'YYYY-MM-DD' in local time (the smallest closing date). */
export const today = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * A figure that may be suppressed (SPEC CH5): null is never 0 but "too few people to show", with
 * the minimum, so nobody reads a hidden group as an empty one.
 */
export const meanText = (value: number | null, t: T, language: string, minGroup: number): string =>
  value === null ? t('tooFew', { min: minGroup }) : decimal(value, language);

/** A share as "62,5% (5 of 8)", or "too few" when suppressed. */
export const rateText = (rate: Rate, t: T, language: string, minGroup: number): string =>
  rate.value === null
    ? t('tooFew', { min: minGroup })
    : t('aims.of', {
        value: decimal(rate.value, language),
        numerator: rate.numerator,
        denominator: rate.denominator,
      });

/** The statements not answered yet, in the form's order. */
export const unanswered = (scores: Record<string, number>): Statement[] =>
  statements.filter((s) => !(s.id in scores));

/** The non-empty comments, trimmed: what the server stores. */
export const cleanComments = (comments: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(comments)
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([, v]) => v.length > 0),
  );
