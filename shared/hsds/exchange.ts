/**
 * The file our social map exports and imports. HSDS 3.0 defines no single-document JSON bundle
 * (its exchange forms are the API and the tabular data package), so the file holds, side by side,
 * exactly what the API's list endpoints give: compiled services (`/services/{id}`), compiled
 * organizations (`/organizations/{id}`), `/taxonomies` and `/taxonomy_terms`.
 */
import { z } from 'zod';
import {
  hsdsOrganizationSchema,
  hsdsServiceSchema,
  hsdsTaxonomySchema,
  hsdsTaxonomyTermSchema,
} from './schema.js';

export const hsdsExchangeVersion = '3.0';

export const hsdsExchangeSchema = z.looseObject({
  version: z.literal(hsdsExchangeVersion),
  publisher: z.looseObject({ name: z.string(), url: z.url() }).optional(),
  organizations: z.array(hsdsOrganizationSchema),
  services: z.array(hsdsServiceSchema),
  taxonomies: z.array(hsdsTaxonomySchema),
  taxonomy_terms: z.array(hsdsTaxonomyTermSchema),
});
export type HsdsExchange = z.infer<typeof hsdsExchangeSchema>;

/** Only the envelope: the import checks each record on its own, to name the one that fails. */
export const hsdsExchangeEnvelopeSchema = z.looseObject({
  organizations: z.array(z.unknown()).optional(),
  services: z.array(z.unknown()),
});
