import { randomUUID } from 'node:crypto';
import { v5 as uuidv5, validate as isUuid } from 'uuid';
import type { ServiceFields, ServiceSearch, SocialService } from '../../shared/socialMapApi.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { HttpError } from '../http/validate.js';
import type { Data, Executor } from '../storage/data.js';
import { socialMapStore } from './store.js';

/** The namespace of the UUIDs our organisations get on the map (an organisation's own id when it is one). */
const organisationNamespace = '5b0f7a52-4a1e-4f7e-9d5e-0c6f3f1f8a10';

/** An organisation as the map shows and exports it. */
export interface MapOrganisation {
  id: string;
  uuid: string;
  name: string;
  kind: string;
  description: string;
  website: string | null;
  email: string | null;
  phone: string | null;
}

/** The organisation's HSDS id: its own id when that is a UUID (an imported one), else derived from it. */
export const organisationUuid = (id: string): string => (isUuid(id) ? id : uuidv5(id, organisationNamespace));

export const pageSize = 25;
const day = 24 * 3600 * 1000;

/**
 * The social map's rules over its store (SPEC SM1–SM5): services belong to a district and cover
 * neighbourhoods of it; a service not confirmed for `staleDays` is flagged; its contact person
 * confirms or corrects it through a one-time link that works `linkDays`.
 */
export function socialMapService(data: Data, options: { staleDays: number; linkDays: number }) {
  const store = socialMapStore(data);
  const { db } = data;
  const stale = (s: Omit<SocialService, 'stale'>, now = Date.now()): SocialService => ({
    ...s,
    stale: now - Date.parse(s.lastConfirmedAt) > options.staleDays * day,
  });

  async function organisationName(trx: Executor, id: string): Promise<string> {
    const row = await trx
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', id)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (!row)
      throw new HttpError(400, 'organisationId: no such organisation (or it is archived)', {
        code: 'unknown-organisation',
      });
    return row.name;
  }

  /** The district exists and every neighbourhood named is one of it. */
  async function checkPlaces(
    trx: Executor,
    districtId: string,
    neighbourhoodIds: readonly string[],
  ): Promise<void> {
    const district = await trx
      .selectFrom('districts')
      .select('id')
      .where('id', '=', districtId)
      .executeTakeFirst();
    if (!district) throw new HttpError(400, 'districtId: no such district', { code: 'unknown-district' });
    const found = await trx
      .selectFrom('neighbourhoods')
      .select('id')
      .where('district_id', '=', districtId)
      .where('id', 'in', [...neighbourhoodIds])
      .execute();
    if (found.length !== new Set(neighbourhoodIds).size)
      throw new HttpError(400, 'neighbourhoodIds: a neighbourhood is not in this district', {
        code: 'neighbourhood-not-in-district',
      });
  }

  return {
    store,
    async search(districtId: string, filter: ServiceSearch & { includeInactive?: boolean }, page: number) {
      const { services, total } = await store.search(districtId, filter, {
        limit: pageSize,
        offset: (page - 1) * pageSize,
        includeInactive: filter.includeInactive,
      });
      const now = Date.now();
      return { services: services.map((s) => stale(s, now)), total, page, pageSize };
    },

    /** "Who can help with this?": active services for a goal's life domain in the client's neighbourhood. */
    async helpFor(
      place: { districtId: string; neighbourhoodId: string },
      goal: {
        lifeDomain: ServiceSearch['lifeDomain'];
        perspectives: readonly string[];
        q?: string;
        everywhere?: boolean;
      },
    ) {
      const { services, total } = await store.search(
        place.districtId,
        {
          lifeDomain: goal.lifeDomain,
          q: goal.q,
          neighbourhoodId: goal.everywhere ? undefined : place.neighbourhoodId,
        },
        { limit: pageSize, offset: 0, preferPerspectives: goal.perspectives },
      );
      const now = Date.now();
      return { services: services.map((s) => stale(s, now)), total };
    },

    async get(id: string): Promise<SocialService | undefined> {
      const found = await store.get(id);
      return found && stale(found);
    },

    /** Services by id, in the order asked, leaving out ids that are not (or no longer) on the map. */
    async byIds(ids: readonly string[]): Promise<SocialService[]> {
      const found = new Map((await store.byIds([...new Set(ids)])).map((s) => [s.id, s]));
      const now = Date.now();
      return ids.flatMap((id) => {
        const s = found.get(id);
        return s ? [stale(s, now)] : [];
      });
    },

    async create(districtId: string, fields: ServiceFields): Promise<string> {
      const id = randomUUID();
      const now = new Date().toISOString();
      await data.write(async (trx) => {
        await checkPlaces(trx, districtId, fields.neighbourhoodIds);
        const name = await organisationName(trx, fields.organisationId);
        await store.save(trx, { ...fields, id, districtId, lastConfirmedAt: now }, name, now);
      });
      return id;
    },

    /** Replaces what a service says; an administrator's correction counts as a confirmation. */
    async update(id: string, districtId: string, fields: ServiceFields): Promise<void> {
      const now = new Date().toISOString();
      await data.write(async (trx) => {
        const existing = await trx
          .selectFrom('social_services')
          .select('id')
          .where('id', '=', id)
          .executeTakeFirst();
        if (!existing) throw new HttpError(404, 'no such service');
        await checkPlaces(trx, districtId, fields.neighbourhoodIds);
        const name = await organisationName(trx, fields.organisationId);
        await store.save(trx, { ...fields, id, districtId, lastConfirmedAt: now }, name, now);
      });
    },

    async confirm(id: string): Promise<void> {
      await data.write(async (trx) => {
        const existing = await trx
          .selectFrom('social_services')
          .select('id')
          .where('id', '=', id)
          .executeTakeFirst();
        if (!existing) throw new HttpError(404, 'no such service');
        await store.confirm(trx, id, new Date().toISOString());
      });
    },

    /**
     * A one-time link for the service's contact person: only its hash is kept, an earlier
     * unused link of the same service stops working, and it works `linkDays`.
     */
    async issueLink(serviceId: string, createdBy: string): Promise<{ token: string; expiresAt: string }> {
      const token = newToken();
      const now = new Date();
      const expiresAt = new Date(now.getTime() + options.linkDays * day).toISOString();
      await data.write(async (trx) => {
        const existing = await trx
          .selectFrom('social_services')
          .select('id')
          .where('id', '=', serviceId)
          .executeTakeFirst();
        if (!existing) throw new HttpError(404, 'no such service');
        await trx
          .updateTable('social_service_confirmations')
          .set({ used_at: now.toISOString() })
          .where('service_id', '=', serviceId)
          .where('used_at', 'is', null)
          .execute();
        await trx
          .insertInto('social_service_confirmations')
          .values({
            token_hash: hashToken(token),
            service_id: serviceId,
            created_by: createdBy,
            created_at: now.toISOString(),
            expires_at: expiresAt,
            used_at: null,
          })
          .execute();
      });
      return { token, expiresAt };
    },

    /** The service a link is for, while the link works; undefined for a used, expired or unknown one. */
    async byLink(token: string): Promise<SocialService | undefined> {
      const row = await db
        .selectFrom('social_service_confirmations')
        .select('service_id')
        .where('token_hash', '=', hashToken(token))
        .where('used_at', 'is', null)
        .where('expires_at', '>', new Date().toISOString())
        .executeTakeFirst();
      const found = row && (await store.get(row.service_id));
      return found ? stale(found) : undefined;
    },

    /**
     * The contact person's answer: confirms the service as it is, or replaces what it says (the
     * organisation and whether it is still offered stay the administrator's). Uses the link up.
     */
    async answerLink(
      token: string,
      fields: Omit<ServiceFields, 'organisationId' | 'status'> | undefined,
    ): Promise<boolean> {
      const now = new Date().toISOString();
      return data.write(async (trx) => {
        const used = await trx
          .updateTable('social_service_confirmations')
          .set({ used_at: now })
          .where('token_hash', '=', hashToken(token))
          .where('used_at', 'is', null)
          .where('expires_at', '>', now)
          .returning('service_id')
          .executeTakeFirst();
        if (!used) return false;
        if (!fields) {
          await store.confirm(trx, used.service_id, now);
          return true;
        }
        const current = await store.get(used.service_id, trx);
        if (!current) return false;
        await checkPlaces(trx, current.districtId, fields.neighbourhoodIds);
        const name = await organisationName(trx, current.organisationId);
        await store.save(
          trx,
          {
            ...fields,
            id: current.id,
            districtId: current.districtId,
            organisationId: current.organisationId,
            status: current.status,
            lastConfirmedAt: now,
          },
          name,
          now,
        );
        return true;
      });
    },

    /** Every organisation that is not archived, as the map shows it. */
    async organisations(): Promise<MapOrganisation[]> {
      const rows = await db
        .selectFrom('organisations')
        .select(['id', 'name', 'kind', 'description', 'website', 'email', 'phone'])
        .where('archived_at', 'is', null)
        .orderBy('name')
        .execute();
      return rows.map((r) => ({ ...r, uuid: organisationUuid(r.id), description: r.description ?? '' }));
    },
  };
}

export type SocialMapService = ReturnType<typeof socialMapService>;
