/**
 * Open Referral HSDS 3.0 objects as zod schemas, written from the specification
 * (openreferral/specification, branch 3.0: `schema/<object>.json` and the nested form in
 * `schema/compiled/service.json` / `organization.json`, which `/services/{id}` and
 * `/organizations/{id}` return). Field names, `required` lists, formats and enumerations are the
 * spec's. None of the 3.0 schemas sets `additionalProperties: false` (HSDS is extended by adding
 * fields), so every object passes unknown fields through (`looseObject`) rather than `.strict()`.
 * Parent ids (`service_id`, `location_id` …) are optional: the compiled form nests instead.
 */
import { z } from 'zod';
import {
  hsdsAddressTypes,
  hsdsByday,
  hsdsDate,
  hsdsDateTime,
  hsdsEmail,
  hsdsLocationTypes,
  hsdsScheduleFreqs,
  hsdsServiceStatuses,
  hsdsTime,
  hsdsUri,
  hsdsUuid,
  hsdsWeekdays,
} from './primitives.js';
import { hsdsAttributeList as attributes, hsdsMetadataList as metadata } from './taxonomy.js';

export * from './taxonomy.js';

const text = z.string().optional();
const uuidRef = hsdsUuid.optional();

/** language.json: required id; code is ISO 639-1 or 639-3. */
export const hsdsLanguageSchema = z.looseObject({
  id: hsdsUuid,
  service_id: uuidRef,
  location_id: uuidRef,
  phone_id: uuidRef,
  name: text,
  code: text,
  note: text,
  attributes,
  metadata,
});
const languages = z.array(hsdsLanguageSchema).optional();

/** phone.json: required id, number. */
export const hsdsPhoneSchema = z.looseObject({
  id: hsdsUuid,
  location_id: uuidRef,
  service_id: uuidRef,
  organization_id: uuidRef,
  contact_id: uuidRef,
  service_at_location_id: uuidRef,
  number: z.string(),
  extension: z.number().optional(),
  type: text,
  description: text,
  languages,
  attributes,
  metadata,
});
const phones = z.array(hsdsPhoneSchema).optional();

/** contact.json: required id. */
export const hsdsContactSchema = z.looseObject({
  id: hsdsUuid,
  organization_id: uuidRef,
  service_id: uuidRef,
  service_at_location_id: uuidRef,
  location_id: uuidRef,
  name: text,
  title: text,
  department: text,
  email: hsdsEmail.optional(),
  phones,
  attributes,
  metadata,
});
const contacts = z.array(hsdsContactSchema).optional();

/** schedule.json: required id; RFC 5545 recurrence fields. */
export const hsdsScheduleSchema = z.looseObject({
  id: hsdsUuid,
  service_id: uuidRef,
  location_id: uuidRef,
  service_at_location_id: uuidRef,
  valid_from: hsdsDate.optional(),
  valid_to: hsdsDate.optional(),
  dtstart: hsdsDate.optional(),
  timezone: z.number().optional(),
  until: hsdsDate.optional(),
  count: z.number().optional(),
  wkst: z.enum(hsdsWeekdays).optional(),
  freq: z.enum(hsdsScheduleFreqs).optional(),
  interval: z.number().optional(),
  byday: hsdsByday.optional(),
  byweekno: text,
  bymonthday: text,
  byyearday: text,
  description: text,
  opens_at: hsdsTime.optional(),
  closes_at: hsdsTime.optional(),
  schedule_link: hsdsUri.optional(),
  attending_type: text,
  notes: text,
  attributes,
  metadata,
});
const schedules = z.array(hsdsScheduleSchema).optional();

/** service_area.json: required id. */
export const hsdsServiceAreaSchema = z.looseObject({
  id: hsdsUuid,
  service_id: uuidRef,
  service_at_location_id: uuidRef,
  name: text,
  description: text,
  extent: text,
  extent_type: text,
  uri: text,
  attributes,
  metadata,
});

/** address.json: required id, address_1, city, state_province, postal_code, country, address_type. */
export const hsdsAddressSchema = z.looseObject({
  id: hsdsUuid,
  location_id: uuidRef,
  attention: text,
  address_1: z.string(),
  address_2: text,
  city: z.string(),
  region: text,
  state_province: z.string(),
  postal_code: z.string(),
  country: z.string(),
  address_type: z.enum(hsdsAddressTypes),
  attributes,
  metadata,
});

/** accessibility.json: required id. */
export const hsdsAccessibilitySchema = z.looseObject({
  id: hsdsUuid,
  location_id: uuidRef,
  description: text,
  details: text,
  url: hsdsUri.optional(),
  attributes,
  metadata,
});

/** location.json: required id, location_type. */
export const hsdsLocationSchema = z.looseObject({
  id: hsdsUuid,
  location_type: z.enum(hsdsLocationTypes),
  url: hsdsUri.optional(),
  organization_id: uuidRef,
  name: text,
  alternate_name: text,
  description: text,
  transportation: text,
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  external_identifier: text,
  external_identifier_type: text,
  languages,
  addresses: z.array(hsdsAddressSchema).optional(),
  contacts,
  accessibility: z.array(hsdsAccessibilitySchema).optional(),
  phones,
  schedules,
  attributes,
  metadata,
});

/** service_at_location.json: required id; nests the location. */
export const hsdsServiceAtLocationSchema = z.looseObject({
  id: hsdsUuid,
  service_id: uuidRef,
  location_id: uuidRef,
  description: text,
  service_areas: z.array(hsdsServiceAreaSchema).optional(),
  contacts,
  phones,
  schedules,
  location: hsdsLocationSchema.optional(),
  attributes,
  metadata,
});

/** cost_option.json: required id. */
export const hsdsCostOptionSchema = z.looseObject({
  id: hsdsUuid,
  service_id: uuidRef,
  valid_from: hsdsDate.optional(),
  valid_to: hsdsDate.optional(),
  option: text,
  currency: text,
  amount: z.number().optional(),
  amount_description: text,
  attributes,
  metadata,
});

/** organization.json (one-to-one fields and its own lists): required id, name, description. */
export const hsdsOrganizationBaseSchema = z.looseObject({
  id: hsdsUuid,
  name: z.string(),
  alternate_name: text,
  description: z.string(),
  email: hsdsEmail.optional(),
  website: hsdsUri.optional(),
  tax_status: text,
  tax_id: text,
  year_incorporated: z.number().optional(),
  legal_status: text,
  logo: text,
  uri: hsdsUri.optional(),
  parent_organization_id: uuidRef,
  contacts,
  phones,
  locations: z.array(hsdsLocationSchema).optional(),
  attributes,
  metadata,
});

/** service.json one-to-one fields: what `/services` lists (compiled/service_list.json). */
export const hsdsServiceListItemSchema = z.looseObject({
  id: hsdsUuid,
  organization_id: uuidRef,
  program_id: uuidRef,
  name: z.string(),
  alternate_name: text,
  description: text,
  url: hsdsUri.optional(),
  email: hsdsEmail.optional(),
  status: z.enum(hsdsServiceStatuses),
  interpretation_services: text,
  application_process: text,
  fees_description: text,
  accreditations: text,
  eligibility_description: text,
  minimum_age: z.number().optional(),
  maximum_age: z.number().optional(),
  assured_date: hsdsDate.optional(),
  assurer_email: hsdsEmail.optional(),
  alert: text,
  last_modified: hsdsDateTime.optional(),
});

/** compiled/service.json: required id, name, status; what `/services/{id}` returns. */
export const hsdsServiceSchema = hsdsServiceListItemSchema.extend({
  phones,
  schedules,
  service_areas: z.array(hsdsServiceAreaSchema).optional(),
  service_at_locations: z.array(hsdsServiceAtLocationSchema).optional(),
  languages,
  organization: hsdsOrganizationBaseSchema.optional(),
  cost_options: z.array(hsdsCostOptionSchema).optional(),
  contacts,
  attributes,
  metadata,
});

/** compiled/organization.json: the organization with its services (`/organizations/{id}`). */
export const hsdsOrganizationSchema = hsdsOrganizationBaseSchema.extend({
  services: z.array(hsdsServiceListItemSchema.loose()).optional(),
});

export type HsdsLanguage = z.infer<typeof hsdsLanguageSchema>;
export type HsdsPhone = z.infer<typeof hsdsPhoneSchema>;
export type HsdsContact = z.infer<typeof hsdsContactSchema>;
export type HsdsSchedule = z.infer<typeof hsdsScheduleSchema>;
export type HsdsServiceArea = z.infer<typeof hsdsServiceAreaSchema>;
export type HsdsAddress = z.infer<typeof hsdsAddressSchema>;
export type HsdsLocation = z.infer<typeof hsdsLocationSchema>;
export type HsdsServiceAtLocation = z.infer<typeof hsdsServiceAtLocationSchema>;
export type HsdsCostOption = z.infer<typeof hsdsCostOptionSchema>;
export type HsdsOrganizationBase = z.infer<typeof hsdsOrganizationBaseSchema>;
export type HsdsServiceListItem = z.infer<typeof hsdsServiceListItemSchema>;
export type HsdsService = z.infer<typeof hsdsServiceSchema>;
export type HsdsOrganization = z.infer<typeof hsdsOrganizationSchema>;
