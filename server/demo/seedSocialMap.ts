import { socialMapStore } from '../socialMap/store.js';
import type { Data, Executor } from '../storage/data.js';
import { decisionTreeService } from '../decisionTrees/service.js';
import { demoDecisionTree } from './dataset/decisionTree.js';
import { mapOrganisations, mapServices } from './dataset/socialMap.js';

/** The day the dataset's confirmation dates were written for; they move with the day of seeding. */
const writtenFor = Date.parse('2026-12-01T00:00:00Z');

/**
 * The demo district's social map, in the seed's transaction: what the demo organisations tell
 * about themselves, the new (volunteer, peer-run) ones, and their services, each last confirmed
 * as long before `today` as the dataset says before 2026-12-01, so some show as not confirmed.
 */
export async function seedSocialMap(
  data: Data,
  trx: Executor,
  districtId: string,
  today: Date,
): Promise<void> {
  const shift = today.getTime() - writtenFor;
  for (const o of mapOrganisations) {
    const about = { description: o.description, website: o.website, email: o.email, phone: o.phone };
    await trx
      .insertInto('organisations')
      .values({ id: o.id, name: o.name, kind: o.kind, ...about })
      .onConflict((oc) => oc.column('id').doUpdateSet(about))
      .execute();
  }
  const names = new Map(mapOrganisations.map((o) => [o.id, o.name]));
  const store = socialMapStore(data);
  const now = today.toISOString();
  for (const service of mapServices) {
    const lastConfirmedAt = new Date(Date.parse(service.lastConfirmedAt) + shift).toISOString();
    await store.save(
      trx,
      { ...service, districtId, lastConfirmedAt },
      names.get(service.organisationId)!,
      now,
    );
  }
}

/** The demo district's example decision tree (the LESA split of tasks), its debt advice naming the demo's debt service. */
export async function seedDecisionTree(data: Data, trx: Executor, districtId: string): Promise<void> {
  const debt = mapServices.find((s) => s.organisationId === 'org-kompas' && s.status === 'active');
  await decisionTreeService(data).create(districtId, demoDecisionTree(debt?.id ?? null), 'demo', trx);
}
