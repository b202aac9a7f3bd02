import { Router } from 'express';
import type { Response } from 'express';
import type { HsdsTaxonomyTerm } from '../../../shared/hsds/schema.js';
import { foldName } from '../../../shared/search.js';
import type { SocialService } from '../../../shared/socialMapApi.js';
import { checked } from '../../http/checked.js';
import { HttpError } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import {
  hsdsApiInfo,
  hsdsOrganization,
  hsdsOrganizationBase,
  hsdsPage,
  hsdsService,
  hsdsServiceListItem,
  type HsdsSource,
} from '../../socialMap/hsds/export.js';
import { allHsdsTaxonomies, allHsdsTaxonomyTerms } from '../../socialMap/hsds/vocabulary.js';
import { defaultHsdsDistrict, hsdsSource } from '../../socialMap/hsdsSource.js';
import {
  hsdsDistrictQuerySchema,
  hsdsIdParamsSchema,
  hsdsOrganizationQuerySchema,
  hsdsOrganizationsQuerySchema,
  hsdsServicesQuerySchema,
  hsdsTaxonomiesQuerySchema,
  hsdsTaxonomyTermsQuerySchema,
} from './schema.js';

/** Every word of the search appears in the text, accents and case aside. */
function matches(search: string | undefined, ...texts: string[]): boolean {
  const words = foldName(search ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return true;
  const text = foldName(texts.join(' '));
  return words.every((word) => text.includes(word));
}

function paged<T>(res: Response, items: T[], query: { page: number; per_page: number }): void {
  const start = (query.page - 1) * query.per_page;
  res.json(
    hsdsPage(items.slice(start, start + query.per_page), {
      page: query.page,
      perPage: query.per_page,
      total: items.length,
    }),
  );
}

const termsById = new Map(allHsdsTaxonomyTerms().map((t) => [t.id, t]));

/** The ids of the taxonomy terms a service carries (as its exported attributes say). */
function termIdsOf(source: HsdsSource, service: SocialService): string[] {
  return (hsdsService(source, service).attributes ?? []).flatMap((a) =>
    a.taxonomy_term_id ? [a.taxonomy_term_id] : [],
  );
}

function hasTerm(
  source: HsdsSource,
  service: SocialService,
  filter: { taxonomy_term_id?: string; taxonomy_id?: string },
): boolean {
  if (!filter.taxonomy_term_id && !filter.taxonomy_id) return true;
  const terms = termIdsOf(source, service).map((id) => termsById.get(id));
  return terms.some(
    (term): term is HsdsTaxonomyTerm =>
      term !== undefined &&
      (!filter.taxonomy_term_id || term.id === filter.taxonomy_term_id) &&
      (!filter.taxonomy_id || term.taxonomy_id === filter.taxonomy_id),
  );
}

/**
 * The public Open Referral HSDS 3.0 read API of the social map (openapi.json of the spec):
 * `/`, `/services`, `/organizations`, `/taxonomies`, `/taxonomy_terms` and each by id. Open
 * Referral APIs are public, and this one holds only what organisations publish about their
 * services — never anything about a client — so nobody signs in and nothing is logged.
 * `district_id` (our extension) picks the district; without it, the first one not archived.
 * Lists are paged (`page` from 1, `per_page` 50 by default, at most 200) in the spec's envelope.
 */
export function hsdsRouter(s: Services): Router {
  const router = Router();

  async function sourceFor(districtId: string | undefined): Promise<HsdsSource> {
    const id = districtId ?? (await defaultHsdsDistrict(s));
    const source = id === undefined ? undefined : await hsdsSource(s, id);
    if (!source) throw new HttpError(404, `district_id: no district ${districtId ?? ''}`.trim());
    return source;
  }

  router.get(
    '/',
    checked({ query: hsdsDistrictQuerySchema }, async ({ query }, _req, res) => {
      res.json(hsdsApiInfo(await sourceFor(query.district_id)));
    }),
  );

  router.get(
    '/services',
    checked({ query: hsdsServicesQuerySchema }, async ({ query }, _req, res) => {
      const source = await sourceFor(query.district_id);
      const organisation = new Map(source.organisations.map((o) => [o.id, o.uuid]));
      const after = query.modified_after ? Date.parse(query.modified_after) : null;
      const found = source.services.filter(
        (service) =>
          matches(query.search, service.name, service.description) &&
          (!query.organization_id || organisation.get(service.organisationId) === query.organization_id) &&
          (after === null || Date.parse(service.updatedAt) > after) &&
          hasTerm(source, service, query),
      );
      const start = (query.page - 1) * query.per_page;
      const page = found.slice(start, start + query.per_page).map((service) => {
        if (query.full) return hsdsService(source, service);
        const item = hsdsServiceListItem(source, service);
        if (!query.minimal) return item;
        const { id, organization_id, name, description, status } = item;
        return { id, organization_id, name, description, status };
      });
      res.json(hsdsPage(page, { page: query.page, perPage: query.per_page, total: found.length }));
    }),
  );

  router.get(
    '/services/:id',
    checked(
      { params: hsdsIdParamsSchema, query: hsdsDistrictQuerySchema },
      async ({ params, query }, _req, res) => {
        const source = await sourceFor(query.district_id);
        const service = source.services.find((s) => s.id === params.id);
        if (!service) throw new HttpError(404, `id: no service ${params.id}`);
        res.json(hsdsService(source, service));
      },
    ),
  );

  router.get(
    '/organizations',
    checked({ query: hsdsOrganizationsQuerySchema }, async ({ query }, _req, res) => {
      const source = await sourceFor(query.district_id);
      const found = source.organisations.filter(
        (org) =>
          matches(query.search, org.name, org.description) &&
          (!query.taxonomy_term_id && !query.taxonomy_id
            ? true
            : source.services.some((s) => s.organisationId === org.id && hasTerm(source, s, query))),
      );
      const start = (query.page - 1) * query.per_page;
      const page = found.slice(start, start + query.per_page).map((org) => {
        if (query.full_service) return hsdsOrganization(source, org, { fullServices: true });
        if (query.full) return hsdsOrganization(source, org);
        return hsdsOrganizationBase(org);
      });
      res.json(hsdsPage(page, { page: query.page, perPage: query.per_page, total: found.length }));
    }),
  );

  router.get(
    '/organizations/:id',
    checked(
      { params: hsdsIdParamsSchema, query: hsdsOrganizationQuerySchema },
      async ({ params, query }, _req, res) => {
        const source = await sourceFor(query.district_id);
        const org = source.organisations.find((o) => o.uuid === params.id);
        if (!org) throw new HttpError(404, `id: no organization ${params.id}`);
        res.json(hsdsOrganization(source, org, { fullServices: query.full_service ?? false }));
      },
    ),
  );

  router.get(
    '/taxonomies',
    checked({ query: hsdsTaxonomiesQuerySchema }, ({ query }, _req, res) => {
      const found = allHsdsTaxonomies().filter((t) => matches(query.search, t.name, t.description));
      paged(res, found, query);
    }),
  );

  router.get(
    '/taxonomies/:id',
    checked({ params: hsdsIdParamsSchema }, ({ params }, _req, res) => {
      const taxonomy = allHsdsTaxonomies().find((t) => t.id === params.id);
      if (!taxonomy) throw new HttpError(404, `id: no taxonomy ${params.id}`);
      res.json(taxonomy);
    }),
  );

  router.get(
    '/taxonomy_terms',
    checked({ query: hsdsTaxonomyTermsQuerySchema }, ({ query }, _req, res) => {
      const found = allHsdsTaxonomyTerms().filter(
        (t) =>
          matches(query.search, t.name, t.description) &&
          (!query.taxonomy_id || t.taxonomy_id === query.taxonomy_id) &&
          (!query.parent_id || t.parent_id === query.parent_id) &&
          (!query.top_only || t.parent_id === undefined),
      );
      paged(res, found, query);
    }),
  );

  router.get(
    '/taxonomy_terms/:id',
    checked({ params: hsdsIdParamsSchema }, ({ params }, _req, res) => {
      const term = termsById.get(params.id);
      if (!term) throw new HttpError(404, `id: no taxonomy term ${params.id}`);
      res.json(term);
    }),
  );

  return router;
}
