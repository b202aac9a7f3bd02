import { randomUUID } from 'node:crypto';
import { termKey } from '../../shared/glossary.js';
import type { GlossaryFields, GlossaryTerm } from '../../shared/glossary.js';
import { HttpError } from '../http/validate.js';
import type { Data, Executor } from '../storage/data.js';

/**
 * The district's shared terms (SPEC GL1–GL4): a term is unique per district whatever its case,
 * accents or spacing, no form (term or variant) belongs to two terms of a district, and related
 * terms are terms of the same district, related both ways.
 */
export function glossaryService(data: Data) {
  const { db } = data;

  async function read(ex: Executor, where: { districtId?: string; id?: string }): Promise<GlossaryTerm[]> {
    let query = ex.selectFrom('glossary_terms').selectAll().orderBy('term_key');
    if (where.districtId) query = query.where('district_id', '=', where.districtId);
    if (where.id) query = query.where('id', '=', where.id);
    const rows = await query.execute();
    if (rows.length === 0) return [];
    const related = await ex
      .selectFrom('glossary_related')
      .innerJoin('glossary_terms', 'glossary_terms.id', 'glossary_related.related_id')
      .select(['glossary_related.term_id', 'glossary_related.related_id'])
      .where(
        'glossary_related.term_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('glossary_terms.term_key')
      .execute();
    const relatedOf = new Map<string, string[]>();
    for (const r of related) relatedOf.set(r.term_id, [...(relatedOf.get(r.term_id) ?? []), r.related_id]);
    return rows.map((r) => ({
      id: r.id,
      districtId: r.district_id,
      term: r.term,
      variants: JSON.parse(r.variants) as string[],
      medicalMeaning: r.medical_meaning,
      socialMeaning: r.social_meaning,
      sharedMeaning: r.shared_meaning,
      related: relatedOf.get(r.id) ?? [],
      updatedAt: r.updated_at,
    }));
  }

  /** Refuses a term or variant that another term of the district already has, naming the field. */
  async function checkUnique(trx: Executor, districtId: string, id: string, fields: GlossaryFields) {
    const others = (await read(trx, { districtId })).filter((t) => t.id !== id);
    const key = termKey(fields.term);
    const owner = new Map<string, string>();
    for (const t of others) for (const form of [t.term, ...t.variants]) owner.set(termKey(form), t.term);
    const taken = owner.get(key);
    if (taken !== undefined)
      throw new HttpError(409, `term: this district already has "${taken}"`, { code: 'duplicate-term' });
    const seen = new Set([key]);
    for (const variant of fields.variants) {
      const v = termKey(variant);
      const of = owner.get(v);
      if (of !== undefined)
        throw new HttpError(409, `variants: "${variant}" is already a form of "${of}"`, {
          code: 'duplicate-variant',
        });
      if (seen.has(v))
        throw new HttpError(400, `variants: "${variant}" is given twice (or is the term itself)`, {
          code: 'repeated-variant',
        });
      seen.add(v);
    }
    const ids = new Set(others.map((t) => t.id));
    for (const r of fields.related)
      if (!ids.has(r))
        throw new HttpError(400, `related: ${r} is not another term of this district`, {
          code: 'unknown-related',
        });
  }

  async function save(trx: Executor, id: string, districtId: string, fields: GlossaryFields) {
    const row = {
      term: fields.term,
      term_key: termKey(fields.term),
      variants: JSON.stringify(fields.variants),
      medical_meaning: fields.medicalMeaning,
      social_meaning: fields.socialMeaning,
      shared_meaning: fields.sharedMeaning,
      updated_at: new Date().toISOString(),
    };
    const existing = await trx
      .selectFrom('glossary_terms')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (existing) await trx.updateTable('glossary_terms').set(row).where('id', '=', id).execute();
    else
      await trx
        .insertInto('glossary_terms')
        .values({ ...row, id, district_id: districtId })
        .execute();
    await trx
      .deleteFrom('glossary_related')
      .where((eb) => eb.or([eb('term_id', '=', id), eb('related_id', '=', id)]))
      .execute();
    const related = [...new Set(fields.related)];
    if (related.length)
      await trx
        .insertInto('glossary_related')
        .values(
          related.flatMap((r) => [
            { term_id: id, related_id: r },
            { term_id: r, related_id: id },
          ]),
        )
        .execute();
  }

  async function districtOf(trx: Executor, id: string): Promise<string> {
    const row = await trx
      .selectFrom('glossary_terms')
      .select('district_id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new HttpError(404, `termId: no term ${id}`);
    return row.district_id;
  }

  return {
    /** The district's terms in alphabetical order (of the folded term). */
    list: (districtId: string) => read(db, { districtId }),

    async get(id: string): Promise<GlossaryTerm | undefined> {
      return (await read(db, { id }))[0];
    },

    async create(districtId: string, fields: GlossaryFields, trx?: Executor): Promise<string> {
      const id = randomUUID();
      const work = async (ex: Executor) => {
        const district = await ex
          .selectFrom('districts')
          .select('id')
          .where('id', '=', districtId)
          .executeTakeFirst();
        if (!district) throw new HttpError(400, 'districtId: no such district', { code: 'unknown-district' });
        await checkUnique(ex, districtId, id, fields);
        await save(ex, id, districtId, fields);
      };
      await (trx ? work(trx) : data.write(work));
      return id;
    },

    /** Replaces what a term says; it stays in its district. */
    async update(id: string, fields: GlossaryFields): Promise<void> {
      await data.write(async (trx) => {
        const districtId = await districtOf(trx, id);
        await checkUnique(trx, districtId, id, {
          ...fields,
          related: fields.related.filter((r) => r !== id),
        });
        if (fields.related.includes(id))
          throw new HttpError(400, 'related: a term is not related to itself', { code: 'related-to-itself' });
        await save(trx, id, districtId, fields);
      });
    },

    async remove(id: string): Promise<void> {
      await data.write(async (trx) => {
        await districtOf(trx, id);
        await trx
          .deleteFrom('glossary_related')
          .where((eb) => eb.or([eb('term_id', '=', id), eb('related_id', '=', id)]))
          .execute();
        await trx.deleteFrom('glossary_terms').where('id', '=', id).execute();
      });
    },
  };
}

export type GlossaryService = ReturnType<typeof glossaryService>;
