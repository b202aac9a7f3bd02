import { randomUUID } from 'node:crypto';
import { termKey } from '../../shared/glossary.js';
import type { Executor } from '../storage/data.js';
import { demoTerms } from './dataset/glossary.js';

/** The demo district's shared terms (SPEC GL1–GL3), in the seed's transaction, related both ways. */
export async function seedGlossary(trx: Executor, districtId: string): Promise<void> {
  const now = new Date().toISOString();
  const idOf = new Map(demoTerms.map((t) => [t.term, randomUUID()]));
  await trx
    .insertInto('glossary_terms')
    .values(
      demoTerms.map((t) => ({
        id: idOf.get(t.term)!,
        district_id: districtId,
        term: t.term,
        term_key: termKey(t.term),
        variants: JSON.stringify(t.variants),
        medical_meaning: t.medicalMeaning,
        social_meaning: t.socialMeaning,
        shared_meaning: t.sharedMeaning,
        updated_at: now,
      })),
    )
    .execute();
  const pairs = new Set<string>();
  for (const t of demoTerms)
    for (const r of t.related) {
      const [a, b] = [idOf.get(t.term)!, idOf.get(r)];
      if (!b) throw new Error(`demo glossary: "${t.term}" names an unknown related term "${r}"`);
      pairs.add(`${a} ${b}`).add(`${b} ${a}`);
    }
  await trx
    .insertInto('glossary_related')
    .values([...pairs].map((p) => ({ term_id: p.split(' ')[0]!, related_id: p.split(' ')[1]! })))
    .execute();
}
