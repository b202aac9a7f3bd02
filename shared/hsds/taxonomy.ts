/**
 * HSDS 3.0 classification and provenance objects (schema/metadata.json, taxonomy.json,
 * taxonomy_term.json, attribute.json) as zod schemas; no additionalProperties: false in the spec.
 */
import { z } from 'zod';
import { hsdsDate, hsdsUri, hsdsUuid } from './primitives.js';

const text = z.string().optional();
const uuidRef = hsdsUuid.optional();

/** metadata.json: required id, last_action_date, last_action_type, field_name, previous/replacement_value, updated_by. */
export const hsdsMetadataSchema = z.looseObject({
  id: hsdsUuid,
  resource_id: uuidRef,
  resource_type: text,
  last_action_date: hsdsDate,
  last_action_type: z.string(),
  field_name: z.string(),
  previous_value: z.string(),
  replacement_value: z.string(),
  updated_by: z.string(),
});
export const hsdsMetadataList = z.array(hsdsMetadataSchema).optional();

/** taxonomy.json: required id, name, description. */
export const hsdsTaxonomySchema = z.looseObject({
  id: hsdsUuid,
  name: z.string(),
  description: z.string(),
  uri: hsdsUri.optional(),
  version: text,
  metadata: hsdsMetadataList,
});

/** taxonomy_term.json: required id, name, description; `taxonomy_detail` nests the taxonomy. */
export const hsdsTaxonomyTermSchema = z.looseObject({
  id: hsdsUuid,
  code: text,
  name: z.string(),
  description: z.string(),
  parent_id: uuidRef,
  taxonomy: text,
  taxonomy_detail: hsdsTaxonomySchema.optional(),
  language: text,
  taxonomy_id: uuidRef,
  term_uri: hsdsUri.optional(),
  metadata: hsdsMetadataList,
});

/** attribute.json: required id (link_id, taxonomy_term_id, link_entity only in the tabular form). */
export const hsdsAttributeSchema = z.looseObject({
  id: hsdsUuid,
  link_id: uuidRef,
  taxonomy_term_id: uuidRef,
  link_type: text,
  link_entity: text,
  value: text,
  taxonomy_term: hsdsTaxonomyTermSchema.optional(),
  metadata: hsdsMetadataList,
});

export const hsdsAttributeList = z.array(hsdsAttributeSchema).optional();

export type HsdsMetadata = z.infer<typeof hsdsMetadataSchema>;
export type HsdsTaxonomy = z.infer<typeof hsdsTaxonomySchema>;
export type HsdsTaxonomyTerm = z.infer<typeof hsdsTaxonomyTermSchema>;
export type HsdsAttribute = z.infer<typeof hsdsAttributeSchema>;
