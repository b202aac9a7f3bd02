import type { TFunction } from 'i18next';
import '../i18n/nl/admin.js';

/** A refused form, said in the person's language: which field, and what is wrong with it. */
export interface FieldError {
  /** The request field the server named (`name`, `teamId` …), or null when it named none. */
  field: string | null;
  text: string;
}

/** The server's English reasons (zod messages and the services' 409s) and their translation keys. */
const reasons: [RegExp, (m: RegExpMatchArray) => [string, Record<string, string>?]][] = [
  [/^is required$|^Invalid input/i, () => ['fieldError.required']],
  [/^must be at most (\d+) characters$/, (m) => ['fieldError.tooLong', { max: m[1]! }]],
  [/^Too big: expected string to have <=(\d+)/, (m) => ['fieldError.tooLong', { max: m[1]! }]],
  [/^must be at least (\d+) characters$/, (m) => ['fieldError.tooShort', { min: m[1]! }]],
  [/^must be a phone number$/, () => ['fieldError.phone']],
  [/^must be an e-mail address$/, () => ['fieldError.email']],
  [/^must not contain spaces$/, () => ['fieldError.spaces']],
  [/your own account/, () => ['fieldError.ownAccount']],
  [/last enabled administrator/, () => ['fieldError.lastAdmin']],
  [/already taken/, () => ['fieldError.taken']],
  [/exists already|already$/, () => ['fieldError.exists']],
  [/archived|that is in use/, () => ['fieldError.archived']],
  [/^no /, () => ['fieldError.unknown']],
];

/**
 * Turns a refused request (`field: reason`, SPEC PP4) into a message that names the field by the
 * label the person sees and says the reason in their language; an unknown reason is shown as is.
 */
export function fieldError(error: unknown, labels: Record<string, string>, t: TFunction): FieldError {
  const message = error instanceof Error ? error.message : String(error);
  const match = /^([A-Za-z][\w.]*): (.+)$/.exec(message);
  if (!match) return { field: null, text: t('fieldError.failed', { message }) };
  const field = match[1]!.split('.')[0]!;
  const reason = match[2]!;
  const label = labels[field] ?? t(`fieldError.fields.${field}`, { defaultValue: field });
  const found = reasons.find(([pattern]) => pattern.test(reason));
  const [key, values] = found ? found[1](reason.match(found[0])!) : [null];
  const said = key ? t(key, values ?? {}) : reason;
  return { field, text: `${label}: ${said}` };
}
