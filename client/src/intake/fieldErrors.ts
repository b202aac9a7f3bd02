import type { TFunction } from 'i18next';
import { intakeBodySchema } from '../../../shared/intakeApi.js';
import type { IntakeRequest } from '../../../shared/intakeApi.js';
import '../i18n/nl/intake.js';

/** The fields the form names in its errors (the keys of `intake.fields`). */
export const intakeFields = [
  'clientName',
  'dateOfBirth',
  'neighbourhoodId',
  'address',
  'phone',
  'preferredLanguage',
  'readingLevel',
  'recoveryContext',
  'perspectives',
  'coordinatorId',
  'members',
  'bsn',
] as const;
export type IntakeField = (typeof intakeFields)[number];
export type FieldErrors = Partial<Record<IntakeField, string>>;

const messageOf: Partial<Record<IntakeField, string>> = {
  dateOfBirth: 'intake.messages.date',
  preferredLanguage: 'intake.messages.language',
  phone: 'intake.messages.phone',
  bsn: 'intake.messages.bsn',
};

/** The field a server's "path: message" names (members.0.professionalId → members), or null. */
export function fieldOfPath(path: string): IntakeField | null {
  const head = path.split('.')[0];
  return intakeFields.find((f) => f === head) ?? null;
}

/**
 * Checks the form with the server's own schema, so the page says the same as a refusal would,
 * but in the person's language and naming the field.
 */
export function checkIntake(body: IntakeRequest, t: TFunction): FieldErrors {
  const checked = intakeBodySchema.safeParse(body);
  if (checked.success) return {};
  const errors: FieldErrors = {};
  for (const issue of checked.error.issues) {
    const field = fieldOfPath(issue.path.join('.'));
    if (!field || errors[field]) continue;
    const empty = body[field] === '' || (Array.isArray(body[field]) && body[field].length === 0);
    errors[field] = t(empty ? 'intake.messages.required' : (messageOf[field] ?? 'intake.messages.required'));
  }
  return errors;
}
