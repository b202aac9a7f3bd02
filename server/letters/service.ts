import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { LetterTemplate, MergeValues } from '../../shared/letters.js';
import { mergeLetter, unknownFields } from '../../shared/letters.js';
import { shippedTemplates } from '../demo/dataset/letters.js';
import { HttpError } from '../http/validate.js';
import type { Data, Executor } from '../storage/data.js';
import type { LetterTemplatesTable } from '../storage/tables.js';

/** The namespace of the shipped templates' ids: one id per district and template, on every instance. */
const shippedNamespace = '0f2a6c1e-5d3b-4a8e-9c71-2b6d4e8f1a35';

export type TemplateFields = Pick<
  LetterTemplate,
  'title' | 'purpose' | 'fromSide' | 'toSide' | 'body' | 'legalBasis'
>;

const toTemplate = (r: LetterTemplatesTable): LetterTemplate => ({
  id: r.id,
  districtId: r.district_id,
  title: r.title,
  purpose: r.purpose,
  fromSide: r.from_side,
  toSide: r.to_side,
  body: r.body,
  legalBasis: r.legal_basis,
  updatedAt: r.updated_at,
  archivedAt: r.archived_at,
});

/** A date as Dutch letters write it: "12 maart 1961". */
export const dateInWords = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));

/**
 * The district's standard letters (SPEC LT1–LT4), kept by the functional administrator. Every
 * district starts with the shipped Dutch templates (written the first time its letters are read,
 * with ids of their own per district, so instances that do it at once write the same rows).
 */
export function letterService(data: Data) {
  const { db } = data;

  async function ensureShipped(districtId: string): Promise<void> {
    const any = await db
      .selectFrom('letter_templates')
      .select('id')
      .where('district_id', '=', districtId)
      .executeTakeFirst();
    if (any) return;
    const now = new Date().toISOString();
    await data.write(async (trx) => {
      for (const t of shippedTemplates)
        await trx
          .insertInto('letter_templates')
          .values({
            id: uuidv5(`${districtId}\u0000${t.key}`, shippedNamespace),
            district_id: districtId,
            title: t.title,
            purpose: t.purpose,
            from_side: t.fromSide,
            to_side: t.toSide,
            body: t.body,
            legal_basis: t.legalBasis,
            updated_at: now,
            archived_at: null,
          })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
    });
  }

  const checkBody = (body: string) => {
    const unknown = unknownFields(body);
    if (unknown.length > 0)
      throw new HttpError(400, `body: unknown merge field {{${unknown[0]}}}`, {
        code: 'unknown-merge-field',
        field: unknown[0]!,
      });
  };

  return {
    async list(districtId: string, includeArchived = false): Promise<LetterTemplate[]> {
      const district = await db
        .selectFrom('districts')
        .select('id')
        .where('id', '=', districtId)
        .executeTakeFirst();
      if (!district) return [];
      await ensureShipped(districtId);
      let query = db.selectFrom('letter_templates').selectAll().where('district_id', '=', districtId);
      if (!includeArchived) query = query.where('archived_at', 'is', null);
      return (await query.orderBy('title').orderBy('id').execute()).map(toTemplate);
    },

    async one(id: string, ex: Executor = db): Promise<LetterTemplate | undefined> {
      const row = await ex.selectFrom('letter_templates').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toTemplate(row);
    },

    async create(districtId: string, fields: TemplateFields): Promise<string> {
      checkBody(fields.body);
      const district = await db
        .selectFrom('districts')
        .select('id')
        .where('id', '=', districtId)
        .executeTakeFirst();
      if (!district) throw new HttpError(400, 'districtId: no such district');
      await ensureShipped(districtId);
      const id = randomUUID();
      await db
        .insertInto('letter_templates')
        .values({
          id,
          district_id: districtId,
          title: fields.title,
          purpose: fields.purpose,
          from_side: fields.fromSide,
          to_side: fields.toSide,
          body: fields.body,
          legal_basis: fields.legalBasis,
          updated_at: new Date().toISOString(),
          archived_at: null,
        })
        .execute();
      return id;
    },

    async update(id: string, fields: TemplateFields): Promise<void> {
      checkBody(fields.body);
      const changed = await db
        .updateTable('letter_templates')
        .set({
          title: fields.title,
          purpose: fields.purpose,
          from_side: fields.fromSide,
          to_side: fields.toSide,
          body: fields.body,
          legal_basis: fields.legalBasis,
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 0) throw new HttpError(404, `templateId: no template ${id}`);
    },

    /** Archived, never deleted: a sent letter names the template it started from. */
    async setArchived(id: string, archived: boolean): Promise<void> {
      const changed = await db
        .updateTable('letter_templates')
        .set({ archived_at: archived ? new Date().toISOString() : null })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 0) throw new HttpError(404, `templateId: no template ${id}`);
    },

    /** A template filled in for a referral about to be made; the referrer edits it before sending. */
    merge(template: LetterTemplate, values: Partial<MergeValues>) {
      return mergeLetter(template.body, values);
    },
  };
}

export type LetterService = ReturnType<typeof letterService>;
