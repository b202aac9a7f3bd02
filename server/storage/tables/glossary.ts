/** The district's shared terms as Kysely sees them (storage migration 0006). */

export interface GlossaryTermsTable {
  id: string;
  district_id: string;
  term: string;
  /** termKey(term) (shared/glossary.ts): unique per district. */
  term_key: string;
  /** JSON: string[], the other forms the administrator added. */
  variants: string;
  medical_meaning: string;
  social_meaning: string;
  shared_meaning: string;
  updated_at: string;
}

/** Two related terms, a row each way. */
export interface GlossaryRelatedTable {
  term_id: string;
  related_id: string;
}
