import { sql } from 'kysely';
import type { SqlBool } from 'kysely';
import { foldedLikePattern, foldName } from '../../shared/search.js';
import type {
  OpeningHours,
  ServiceFields,
  ServiceLocation,
  ServiceSearch,
  SocialService,
} from '../../shared/socialMapApi.js';
import type { DefaultPerspective, LifeDomain } from '../../shared/vocabulary.js';
import type { Data, Executor } from '../storage/data.js';
import type { ServiceTermKind, SocialServicesTable } from '../storage/tables.js';

/** A service as stored: its fields, where it belongs, and when it was last confirmed. */
export interface StoredService extends ServiceFields {
  id: string;
  districtId: string;
  lastConfirmedAt: string;
}

export interface SearchOptions {
  limit: number;
  offset: number;
  /** Inactive services too (the administrator's list); a search for help shows only active ones. */
  includeInactive?: boolean;
  /** Services serving more of these perspectives come first (a goal's perspectives). */
  preferPerspectives?: readonly string[];
}

/** The text a search matches: the name, what it is, who it is for and the organisation's name. */
export function serviceSearchKey(
  fields: Pick<ServiceFields, 'name' | 'description' | 'forWhom'>,
  organisationName: string,
): string {
  return foldName(
    [fields.name, organisationName, fields.description, fields.forWhom].join(' ').replace(/\s+/g, ' '),
  );
}

type Row = SocialServicesTable & { organisation_name: string };

/**
 * The social map's rows: services with their lists in `social_service_terms`, searched and paged in
 * SQL (SPEC SM2), written with their lists in one transaction.
 */
export function socialMapStore(data: Data) {
  const { db } = data;

  async function withTerms(rows: Row[], ex: Executor = db): Promise<Omit<SocialService, 'stale'>[]> {
    if (rows.length === 0) return [];
    const terms = await ex
      .selectFrom('social_service_terms')
      .select(['service_id', 'kind', 'value'])
      .where(
        'service_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('value')
      .execute();
    const lists = new Map<string, Record<ServiceTermKind, string[]>>();
    for (const t of terms) {
      const of = lists.get(t.service_id) ?? { domain: [], perspective: [], neighbourhood: [], language: [] };
      of[t.kind].push(t.value);
      lists.set(t.service_id, of);
    }
    return rows.map((r) => {
      const of = lists.get(r.id) ?? { domain: [], perspective: [], neighbourhood: [], language: [] };
      return {
        id: r.id,
        districtId: r.district_id,
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        name: r.name,
        description: r.description,
        lifeDomains: of.domain as LifeDomain[],
        perspectives: of.perspective as DefaultPerspective[],
        neighbourhoodIds: of.neighbourhood,
        forWhom: r.for_whom,
        access: r.access,
        howToGetIn: r.how_to_get_in,
        free: r.free === 1,
        costDescription: r.cost_description,
        languages: of.language as ServiceFields['languages'],
        openingHours: JSON.parse(r.opening_hours) as OpeningHours[],
        openingNote: r.opening_note,
        location: r.location === null ? null : (JSON.parse(r.location) as ServiceLocation),
        contact: {
          name: r.contact_name,
          role: r.contact_role,
          phone: r.contact_phone,
          email: r.contact_email,
        },
        peerRun: r.peer_run === 1,
        status: r.status,
        lastConfirmedAt: r.last_confirmed_at,
        updatedAt: r.updated_at,
      };
    });
  }

  const base = (ex: Executor = db) =>
    ex.selectFrom('social_services as s').innerJoin('organisations as o', 'o.id', 's.organisation_id');

  function filtered(districtId: string, filter: ServiceSearch, includeInactive: boolean) {
    let query = base().where('s.district_id', '=', districtId);
    if (!includeInactive) query = query.where('s.status', '=', 'active');
    for (const word of (filter.q ?? '').trim().split(/\s+/).filter(Boolean)) {
      const pattern = foldedLikePattern(word)!;
      query = query.where(sql<SqlBool>`s.search_key LIKE ${pattern} ESCAPE '\\'`);
    }
    if (filter.peerRun) query = query.where('s.peer_run', '=', 1);
    if (filter.free) query = query.where('s.free', '=', 1);
    const terms: [ServiceTermKind, string | undefined][] = [
      ['domain', filter.lifeDomain],
      ['perspective', filter.perspective],
      ['neighbourhood', filter.neighbourhoodId],
      ['language', filter.language],
    ];
    for (const [kind, value] of terms) {
      if (value === undefined) continue;
      query = query.where('s.id', 'in', (eb) =>
        eb
          .selectFrom('social_service_terms as t')
          .select('t.service_id')
          .where('t.kind', '=', kind)
          .where('t.value', '=', value),
      );
    }
    return query;
  }

  async function writeTerms(trx: Executor, id: string, fields: ServiceFields): Promise<void> {
    await trx.deleteFrom('social_service_terms').where('service_id', '=', id).execute();
    const rows = [
      ...fields.lifeDomains.map((value) => ({ kind: 'domain' as const, value })),
      ...fields.perspectives.map((value) => ({ kind: 'perspective' as const, value })),
      ...fields.neighbourhoodIds.map((value) => ({ kind: 'neighbourhood' as const, value })),
      ...fields.languages.map((value) => ({ kind: 'language' as const, value })),
    ];
    const unique = [...new Map(rows.map((r) => [`${r.kind}:${r.value}`, r])).values()];
    if (unique.length > 0)
      await trx
        .insertInto('social_service_terms')
        .values(unique.map((r) => ({ service_id: id, ...r })))
        .execute();
  }

  return {
    /**
     * One page of a district's services matching every filter: with a text, those whose name
     * matches first; then peer-run before others among equals (SPEC SM2), then by name.
     */
    async search(districtId: string, filter: ServiceSearch, options: SearchOptions) {
      const includeInactive = options.includeInactive ?? false;
      const counted = await filtered(districtId, filter, includeInactive)
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      let query = filtered(districtId, filter, includeInactive)
        .selectAll('s')
        .select('o.name as organisation_name');
      const firstWord = (filter.q ?? '').trim().split(/\s+/)[0];
      if (firstWord) {
        const pattern = foldedLikePattern(firstWord)!;
        query = query.orderBy(sql`CASE WHEN s.name_key LIKE ${pattern} ESCAPE '\\' THEN 0 ELSE 1 END`);
      }
      const prefer = options.preferPerspectives ?? [];
      if (prefer.length > 0)
        query = query.orderBy(
          (eb) =>
            eb
              .selectFrom('social_service_terms as p')
              .select(({ fn }) => fn.countAll<number>().as('n'))
              .whereRef('p.service_id', '=', 's.id')
              .where('p.kind', '=', 'perspective')
              .where('p.value', 'in', prefer),
          'desc',
        );
      const rows = await query
        .orderBy('s.peer_run', 'desc')
        .orderBy('s.name_key')
        .orderBy('s.id')
        .limit(options.limit)
        .offset(options.offset)
        .execute();
      return { services: await withTerms(rows), total: Number(counted.n) };
    },

    /** One service; inside a write pass its `trx`. */
    async get(id: string, ex: Executor = db): Promise<Omit<SocialService, 'stale'> | undefined> {
      const row = await base(ex)
        .selectAll('s')
        .select('o.name as organisation_name')
        .where('s.id', '=', id)
        .executeTakeFirst();
      return row ? (await withTerms([row], ex))[0] : undefined;
    },

    /** Services by id (a board's linked ones), in one read. */
    async byIds(ids: readonly string[]): Promise<Omit<SocialService, 'stale'>[]> {
      if (ids.length === 0) return [];
      const rows = await base()
        .selectAll('s')
        .select('o.name as organisation_name')
        .where('s.id', 'in', [...ids])
        .execute();
      return withTerms(rows);
    },

    /** Every service of a district (or of all districts), for the HSDS export and read API. */
    async all(districtId?: string) {
      let query = base().selectAll('s').select('o.name as organisation_name');
      if (districtId !== undefined) query = query.where('s.district_id', '=', districtId);
      return withTerms(await query.orderBy('s.name_key').orderBy('s.id').execute());
    },

    /** Adds or replaces a service with its lists (the caller validated it and holds `trx`). */
    async save(trx: Executor, service: StoredService, organisationName: string, now: string): Promise<void> {
      const row = {
        district_id: service.districtId,
        organisation_id: service.organisationId,
        name: service.name,
        description: service.description,
        for_whom: service.forWhom,
        access: service.access,
        how_to_get_in: service.howToGetIn,
        free: service.free ? 1 : 0,
        cost_description: service.costDescription,
        opening_hours: JSON.stringify(service.openingHours),
        opening_note: service.openingNote,
        location: service.location === null ? null : JSON.stringify(service.location),
        contact_name: service.contact.name,
        contact_role: service.contact.role,
        contact_phone: service.contact.phone,
        contact_email: service.contact.email,
        peer_run: service.peerRun ? 1 : 0,
        status: service.status,
        search_key: serviceSearchKey(service, organisationName),
        name_key: foldName(service.name),
        last_confirmed_at: service.lastConfirmedAt,
        updated_at: now,
      };
      await trx
        .insertInto('social_services')
        .values({ id: service.id, ...row })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
      await writeTerms(trx, service.id, service);
    },

    /** Marks a service as confirmed right now (its contact person or an administrator looked). */
    async confirm(trx: Executor, id: string, now: string): Promise<void> {
      await trx
        .updateTable('social_services')
        .set({ last_confirmed_at: now, updated_at: now })
        .where('id', '=', id)
        .execute();
    },

    /** Keeps an organisation's search keys right after its name changed. */
    async refreshSearchKeys(trx: Executor, organisationId: string, organisationName: string): Promise<void> {
      const rows = await trx
        .selectFrom('social_services')
        .select(['id', 'name', 'description', 'for_whom'])
        .where('organisation_id', '=', organisationId)
        .execute();
      for (const r of rows)
        await trx
          .updateTable('social_services')
          .set({
            search_key: serviceSearchKey(
              { name: r.name, description: r.description, forWhom: r.for_whom },
              organisationName,
            ),
          })
          .where('id', '=', r.id)
          .execute();
    },
  };
}

export type SocialMapStore = ReturnType<typeof socialMapStore>;
