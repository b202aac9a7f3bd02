/**
 * The value formats of Open Referral HSDS 3.0, as zod schemas.
 *
 * Followed: openreferral/specification, branch 3.0 — the JSON schemas in `schema/*.json` and
 * `schema/compiled/service_list.json` (fields, `format`, `enum`, `required`) and the API
 * specification `schema/openapi.json` (the `Page` component and the `/` info response).
 * HSDS writes formats as JSON Schema `format` (uuid, email, uri, date-time) or, for the tabular
 * serialisation, as `datapackage_type` (date, time); both are checked here.
 */
import { z } from 'zod';

/** Every HSDS `id` and `*_id` (format: uuid). */
export const hsdsUuid = z.uuid();

/** format: email. */
export const hsdsEmail = z.email();

/** format: uri (an absolute URL, as `new URL` accepts it). */
export const hsdsUri = z.url();

/** datapackage_type: date — ISO 8601 YYYY-MM-DD (assured_date, valid_from, last_action_date). */
export const hsdsDate = z.iso.date();

/** format: date-time — RFC 3339 with offset or Z (last_modified, "should have millisecond accuracy"). */
export const hsdsDateTime = z.iso.datetime({ offset: true });

/**
 * datapackage_type: time (schedule.opens_at / closes_at). The field text asks for HH:MM with an
 * optional zone ('Z' or ±HH:MM); the spec's own example writes HH:MM:SS, so seconds are allowed.
 */
export const hsdsTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$/, 'Invalid time');

/** The enumerations the HSDS 3.0 schemas declare. */
export const hsdsServiceStatuses = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export const hsdsLocationTypes = ['physical', 'postal', 'virtual'] as const;
export const hsdsAddressTypes = ['physical', 'postal', 'virtual'] as const;
export const hsdsScheduleFreqs = ['WEEKLY', 'MONTHLY'] as const;
export const hsdsWeekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * schedule.byday: comma-separated RFC 5545 weekdays; with MONTHLY each may carry a signed
 * ordinal ("2MO", "-1FR").
 */
export const hsdsByday = z
  .string()
  .regex(/^([+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$/, 'Invalid byday');

/**
 * The paging envelope of every list endpoint (openapi.json `components.schemas.Page`, with the
 * `contents` array each list response adds). The spec requires only `empty`; we always write all.
 */
export function hsdsPageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    total_items: z.number().int().min(0).optional(),
    total_pages: z.number().int().min(0).optional(),
    page_number: z.number().int().min(1).optional(),
    size: z.number().int().min(0).optional(),
    first_page: z.boolean().optional(),
    last_page: z.boolean().optional(),
    empty: z.boolean(),
    contents: z.array(item),
  });
}

export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

/** The response of the API's root `/` (operation getAPIMetaInformation). */
export const hsdsApiInfoSchema = z.looseObject({
  version: z.string().optional(),
  profile: hsdsUri.optional(),
  openapi_url: hsdsUri.optional(),
  description: z.string().optional(),
  publisher: z
    .looseObject({
      name: z.string().optional(),
      identifier: z.string().optional(),
      email: hsdsEmail.optional(),
      website: hsdsUri.optional(),
      additional_websites: z.array(hsdsUri).optional(),
    })
    .optional(),
});
export type HsdsApiInfo = z.infer<typeof hsdsApiInfoSchema>;
