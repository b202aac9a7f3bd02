import { randomUUID } from 'node:crypto';
import type { DecisionTree, TreeContent } from '../../shared/decisionTree.js';
import { treeProblems } from '../../shared/decisionTree.js';
import { HttpError } from '../http/validate.js';
import type { Data, Executor } from '../storage/data.js';

/**
 * A district's referral decision trees (SPEC DT1–DT3): saved as numbered versions, never
 * changed in place, so what someone walked last month can still be read as it was. Only a tree
 * whose every answer leads somewhere, reachable and without a way back, is saved.
 */
export function decisionTreeService(data: Data) {
  const { db } = data;

  const check = (content: TreeContent) => {
    const problems = treeProblems(content);
    if (problems.length > 0)
      throw new HttpError(400, problems[0]!, { code: 'tree-invalid', problems: problems.length });
  };

  async function latest(ids: readonly string[], ex: Executor = db): Promise<DecisionTree[]> {
    if (ids.length === 0) return [];
    const rows = await ex
      .selectFrom('decision_trees as t')
      .innerJoin('decision_tree_versions as v', 'v.tree_id', 't.id')
      .select(['t.id', 't.district_id', 't.archived_at', 'v.version', 'v.content', 'v.saved_at'])
      .where('t.id', 'in', [...ids])
      .where(({ eb, selectFrom }) =>
        eb(
          'v.version',
          '=',
          selectFrom('decision_tree_versions as w')
            .select(({ fn }) => fn.max('w.version').as('m'))
            .whereRef('w.tree_id', '=', 't.id'),
        ),
      )
      .execute();
    return rows.map((r) => ({
      ...(JSON.parse(r.content) as TreeContent),
      id: r.id,
      districtId: r.district_id,
      version: r.version,
      savedAt: r.saved_at,
      archivedAt: r.archived_at,
    }));
  }

  async function addVersion(
    trx: Executor,
    treeId: string,
    content: TreeContent,
    by: string,
  ): Promise<number> {
    const row = await trx
      .selectFrom('decision_tree_versions')
      .select(({ fn }) => fn.max<number>('version').as('v'))
      .where('tree_id', '=', treeId)
      .executeTakeFirst();
    const version = Number(row?.v ?? 0) + 1;
    await trx
      .insertInto('decision_tree_versions')
      .values({
        tree_id: treeId,
        version,
        content: JSON.stringify(content),
        saved_at: new Date().toISOString(),
        saved_by: by,
      })
      .execute();
    return version;
  }

  return {
    /** The district's trees, each in its latest version (archived ones only when asked). */
    async list(districtId: string, includeArchived = false): Promise<DecisionTree[]> {
      let query = db.selectFrom('decision_trees').select('id').where('district_id', '=', districtId);
      if (!includeArchived) query = query.where('archived_at', 'is', null);
      const trees = await latest((await query.execute()).map((r) => r.id));
      return trees.sort((a, b) => a.title.localeCompare(b.title, 'nl'));
    },

    async one(id: string, version?: number): Promise<DecisionTree | undefined> {
      if (version === undefined) return (await latest([id]))[0];
      const row = await db
        .selectFrom('decision_trees as t')
        .innerJoin('decision_tree_versions as v', 'v.tree_id', 't.id')
        .select(['t.id', 't.district_id', 't.archived_at', 'v.version', 'v.content', 'v.saved_at'])
        .where('t.id', '=', id)
        .where('v.version', '=', version)
        .executeTakeFirst();
      return row
        ? {
            ...(JSON.parse(row.content) as TreeContent),
            id: row.id,
            districtId: row.district_id,
            version: row.version,
            savedAt: row.saved_at,
            archivedAt: row.archived_at,
          }
        : undefined;
    },

    async versions(id: string) {
      return db
        .selectFrom('decision_tree_versions')
        .select(['version', 'saved_at as savedAt', 'saved_by as savedBy'])
        .where('tree_id', '=', id)
        .orderBy('version', 'desc')
        .execute();
    },

    async create(districtId: string, content: TreeContent, by: string, ex?: Executor): Promise<string> {
      check(content);
      const id = randomUUID();
      const work = async (trx: Executor) => {
        const district = await trx
          .selectFrom('districts')
          .select('id')
          .where('id', '=', districtId)
          .executeTakeFirst();
        if (!district) throw new HttpError(400, 'districtId: no such district');
        await trx
          .insertInto('decision_trees')
          .values({ id, district_id: districtId, created_at: new Date().toISOString(), archived_at: null })
          .execute();
        await addVersion(trx, id, content, by);
      };
      if (ex) await work(ex);
      else await data.write(work);
      return id;
    },

    /** Saves a new version; the ones before stay as they were. */
    async save(id: string, content: TreeContent, by: string): Promise<number> {
      check(content);
      return data.write(async (trx) => {
        await data.lock(trx, [`decision-tree:${id}`]);
        const tree = await trx
          .selectFrom('decision_trees')
          .select('id')
          .where('id', '=', id)
          .executeTakeFirst();
        if (!tree) throw new HttpError(404, `treeId: no decision tree ${id}`);
        return addVersion(trx, id, content, by);
      });
    },

    async setArchived(id: string, archived: boolean): Promise<void> {
      const changed = await db
        .updateTable('decision_trees')
        .set({ archived_at: archived ? new Date().toISOString() : null })
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 0) throw new HttpError(404, `treeId: no decision tree ${id}`);
    },
  };
}

export type DecisionTreeService = ReturnType<typeof decisionTreeService>;
