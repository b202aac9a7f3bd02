/**
 * The query parameters of the public HSDS 3.0 API (openreferral/specification, branch 3.0,
 * `schema/openapi.json`), plus our own `district_id`. Parameters the spec does not define are
 * ignored, as HSDS clients may send their own; a defined one with a bad value answers 400 naming it.
 */
import { z } from 'zod';
import { idSchema } from '../../../shared/domain.js';

/** `true` / `false`, as the spec's boolean query parameters are written. */
const flag = z.enum(['true', 'false'], 'must be true or false').transform((v) => v === 'true');

export const hsdsPerPageDefault = 50;
export const hsdsPerPageMax = 200;

const common = {
  /** Our extension: which district's map; default the first district not archived. */
  district_id: idSchema.optional(),
  page: z.coerce.number().int().min(1, 'must be 1 or more').max(1_000_000).default(1),
  per_page: z.coerce
    .number()
    .int()
    .min(1, 'must be 1 or more')
    .max(hsdsPerPageMax, `must be at most ${hsdsPerPageMax}`)
    .default(hsdsPerPageDefault),
  search: z.string().max(200, 'must be at most 200 characters').optional(),
};

export const hsdsDistrictQuerySchema = z.object({ district_id: common.district_id });

export const hsdsServicesQuerySchema = z
  .object({
    ...common,
    /** The spec's `format` (json or csv …): we answer JSON only. */
    format: z.literal('json', 'only json is offered').optional(),
    taxonomy_term_id: z.uuid().optional(),
    taxonomy_id: z.uuid().optional(),
    organization_id: z.uuid().optional(),
    modified_after: z.iso.datetime({ offset: true, message: 'must be an RFC 3339 date-time' }).optional(),
    /** Only id, organization_id, name, description and status of each service. */
    minimal: flag.optional(),
    /** Each service whole (compiled/service.json), as `/services/{id}` gives it. */
    full: flag.optional(),
  })
  .refine((q) => !(q.minimal && q.full), { path: ['minimal'], message: 'cannot be combined with full' });

export const hsdsOrganizationsQuerySchema = z.object({
  ...common,
  taxonomy_term_id: z.uuid().optional(),
  taxonomy_id: z.uuid().optional(),
  /** Each organisation with its services listed (compiled/organization.json). */
  full: flag.optional(),
  /** …and those services whole; implies `full`. */
  full_service: flag.optional(),
});

export const hsdsOrganizationQuerySchema = z.object({
  district_id: common.district_id,
  full_service: flag.optional(),
});

export const hsdsTaxonomiesQuerySchema = z.object({
  page: common.page,
  per_page: common.per_page,
  search: common.search,
});

export const hsdsTaxonomyTermsQuerySchema = z.object({
  page: common.page,
  per_page: common.per_page,
  search: common.search,
  taxonomy_id: z.uuid().optional(),
  parent_id: z.uuid().optional(),
  top_only: flag.optional(),
});

/** An HSDS id in the path: any text, so an id that is not ours answers 404, not 400. */
export const hsdsIdParamsSchema = z.object({ id: z.string().max(100) });
