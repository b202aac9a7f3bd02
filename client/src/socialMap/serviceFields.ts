import type { TFunction } from 'i18next';
import type { ServiceFields, SocialService } from '../../../shared/socialMapApi.js';
import type { FieldError } from '../admin/fieldError.js';

/** A new service: offered, walk-in, free, in Dutch, in every neighbourhood of the district. */
export const emptyService = (organisationId: string, neighbourhoodIds: string[]): ServiceFields => ({
  organisationId,
  name: '',
  description: '',
  lifeDomains: [],
  perspectives: [],
  neighbourhoodIds,
  forWhom: '',
  access: 'walk-in',
  howToGetIn: '',
  free: true,
  costDescription: '',
  languages: ['nl'],
  openingHours: [],
  openingNote: '',
  location: null,
  contact: { name: '', role: '', phone: '', email: '' },
  peerRun: false,
  status: 'active',
});

/** The fields of a service as a form edits them (what the API stores, without what the server adds). */
export function fieldsOf(service: SocialService): ServiceFields {
  const {
    id: _i,
    organisationName: _o,
    districtId: _d,
    lastConfirmedAt: _l,
    stale: _s,
    updatedAt: _u,
    ...fields
  } = service;
  return fields;
}

/**
 * What the person must still fill in, in their words, before anything goes to the server: the
 * first field missing, named with `labels` (or its own form text).
 */
export function missingField(
  fields: ServiceFields,
  labels: Record<string, string>,
  t: TFunction<'socialMap'>,
): FieldError | null {
  const need = (field: string, ok: boolean, key = 'form.required'): FieldError | null =>
    ok ? null : { field, text: t(key, { field: labels[field] ?? t(`form.${field}`) }) };
  return (
    need('name', fields.name.trim() !== '') ??
    need('description', fields.description.trim() !== '') ??
    need('lifeDomains', fields.lifeDomains.length > 0, 'form.chooseOne') ??
    need('neighbourhoodIds', fields.neighbourhoodIds.length > 0, 'form.chooseOne') ??
    need('languages', fields.languages.length > 0, 'form.chooseOne') ??
    need('contactName', fields.contact.name.trim() !== '') ??
    need('contactPhone', fields.contact.phone.trim() !== '') ??
    need('contactEmail', fields.contact.email.trim() !== '') ??
    (fields.location ? need('street', fields.location.street.trim() !== '') : null)
  );
}
