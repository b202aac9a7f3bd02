import type { SocialService } from '../../shared/socialMapApi.js';
import type { Services } from '../services/index.js';
import type { HsdsSource } from './hsds/export.js';

const day = 24 * 3600 * 1000;

/**
 * One district's social map as the HSDS export functions read it, from the database.
 *
 * - Organisations: only those with at least one service in the district. The organisations table
 *   is shared by all districts (and holds the case boards' organisations too), so a district's map
 *   lists who offers something there, not every organisation we know.
 * - Services: every service of the district, inactive ones too (HSDS carries `status`), except
 *   those of an archived organisation: an archived organisation is off the map, and its services
 *   with it.
 * - Neighbourhoods: all of the district's, archived ones too, so a service that still names one
 *   exports its name.
 *
 * Undefined for an unknown district, and for an archived one unless `includeArchived` (the
 * administrator's export may still want it; the public API does not offer it).
 */
export async function hsdsSource(
  s: Services,
  districtId: string,
  options: { includeArchived?: boolean } = {},
): Promise<HsdsSource | undefined> {
  const { districts } = await s.places.list();
  const district = districts.find((d) => d.id === districtId);
  if (!district || (district.archivedAt !== null && !options.includeArchived)) return undefined;
  const organisations = await s.socialMap.organisations();
  const known = new Set(organisations.map((o) => o.id));
  const now = Date.now();
  const staleAfter = s.config.socialMap.staleDays * day;
  const services: SocialService[] = (await s.socialMap.store.all(districtId))
    .filter((service) => known.has(service.organisationId))
    .map((service) => ({ ...service, stale: now - Date.parse(service.lastConfirmedAt) > staleAfter }));
  const offering = new Set(services.map((service) => service.organisationId));
  return {
    publisher: { name: `Sociale kaart ${district.name}`, url: s.config.publicUrl },
    district: { id: district.id, name: district.name },
    neighbourhoods: district.neighbourhoods.map((n) => ({ id: n.id, name: n.name })),
    organisations: organisations.filter((o) => offering.has(o.id)),
    services,
  };
}

/** The district a request without `district_id` reads: the first district not archived. */
export async function defaultHsdsDistrict(s: Services): Promise<string | undefined> {
  const { districts } = await s.places.list();
  return districts.find((d) => d.archivedAt === null)?.id;
}
