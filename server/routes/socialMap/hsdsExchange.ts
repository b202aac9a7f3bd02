import type { Request, Router } from 'express';
import { z } from 'zod';
import { idSchema } from '../../../shared/domain.js';
import { describeIssue, joinPath, type ImportRefusal } from '../../../shared/hsds/issues.js';
import { checked } from '../../http/checked.js';
import { accessPoint, requireUser } from '../../http/session.js';
import { HttpError } from '../../http/validate.js';
import type { Services } from '../../services/index.js';
import { hsdsExport } from '../../socialMap/hsds/export.js';
import {
  parseHsdsImport,
  type ImportedOrganisation,
  type ImportedService,
} from '../../socialMap/hsds/import.js';
import { hsdsSource } from '../../socialMap/hsdsSource.js';
import type { Executor } from '../../storage/data.js';
import { serviceFieldsSchema } from './schema.js';

export const hsdsExportQuerySchema = z.object({ districtId: idSchema });
export const hsdsImportBodySchema = z.object({ districtId: idSchema, data: z.unknown() });

/** What an import did, per kind of record. */
export interface HsdsImportAnswer {
  organisations: { created: number; updated: number };
  services: { created: number; updated: number };
}

/** A refusal found inside the write: thrown so the transaction rolls back, answered as 422. */
class ImportRefused extends Error {
  constructor(readonly refused: ImportRefusal[]) {
    super('import refused');
  }
}

const serviceRecord = (service: ImportedService) => `service "${service.name}" (${service.id})`;
const organisationRecord = (org: ImportedOrganisation) => `organization "${org.name}" (${org.uuid})`;

/** Our own rules for a service (SPEC SM1), over what the HSDS reader made of it: a second check. */
function ownRules(services: ImportedService[]): { refused: ImportRefusal[]; checked: ImportedService[] } {
  const refused: ImportRefusal[] = [];
  const checkedServices: ImportedService[] = [];
  services.forEach((service, index) => {
    const parsed = serviceFieldsSchema.safeParse(service);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { message, messageNl } = describeIssue(issue);
        refused.push({
          record: serviceRecord(service),
          path: joinPath(`services[${index}]`, issue.path),
          message: `Our social map's rule: ${message}`,
          messageNl: `Regel van onze sociale kaart: ${messageNl}`,
        });
      }
      return;
    }
    checkedServices.push({ ...service, ...parsed.data });
  });
  return { refused, checked: checkedServices };
}

/**
 * The administrator's HSDS 3.0 file of a district's map (`GET /export.hsds.json`) and its way
 * back in (`POST /import`), all or nothing. Both are in the access log with ids and counts only.
 */
export function hsdsExchangeRoutes(s: Services, router: Router): void {
  const log = (
    req: Request,
    userId: string,
    event: 'export' | 'social-map-changed',
    details: Record<string, string | number>,
  ) =>
    s.audit.record({
      event,
      userId,
      role: 'admin',
      authorization: 'admin',
      ...accessPoint(req),
      details,
    });

  router.get(
    '/export.hsds.json',
    checked({ query: hsdsExportQuerySchema }, async ({ query }, req, res) => {
      const user = requireUser(res, ['admin']);
      const source = await hsdsSource(s, query.districtId, { includeArchived: true });
      if (!source) throw new HttpError(404, `districtId: no district ${query.districtId}`);
      const file = hsdsExport(source);
      await log(req, user.id, 'export', {
        resource: 'social-map',
        format: 'hsds-3.0',
        districtId: source.district.id,
        organisations: file.organizations.length,
        services: file.services.length,
      });
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="sociale-kaart-${source.district.id}.hsds.json"`,
      );
      res.json(file);
    }),
  );

  router.post(
    '/import',
    checked({ body: hsdsImportBodySchema }, async ({ body }, req, res) => {
      const user = requireUser(res, ['admin']);
      const { districts } = await s.places.list();
      const district = districts.find((d) => d.id === body.districtId);
      if (!district || district.archivedAt !== null)
        throw new HttpError(400, `districtId: no district ${body.districtId} (or it is archived)`);
      const organisations = await s.socialMap.organisations();
      const parsed = parseHsdsImport(body.data, {
        neighbourhoods: district.neighbourhoods
          .filter((n) => n.archivedAt === null)
          .map((n) => ({ id: n.id, name: n.name })),
        existingOrganisationUuids: new Map(organisations.map((o) => [o.uuid, o.id])),
      });
      const refuse = (refused: ImportRefusal[]) =>
        void res
          .status(422)
          .json({ error: `the file was not imported: ${refused.length} problem(s)`, refused });
      if (!parsed.ok) return refuse(parsed.refused);
      const own = ownRules(parsed.services);
      if (own.refused.length > 0) return refuse(own.refused);

      let answer: HsdsImportAnswer;
      try {
        answer = await s.data.write((trx) => importInto(trx, district.id, parsed.organisations, own.checked));
      } catch (error) {
        if (error instanceof ImportRefused) return refuse(error.refused);
        throw error;
      }
      await log(req, user.id, 'social-map-changed', {
        change: 'imported',
        districtId: district.id,
        organisationsCreated: answer.organisations.created,
        organisationsUpdated: answer.organisations.updated,
        servicesCreated: answer.services.created,
        servicesUpdated: answer.services.updated,
      });
      res.json(answer);
    }),
  );

  /**
   * Writes the checked import: missing organisations created (kind 'other', their HSDS UUID as
   * id), known ones get what they tell about themselves (their name and kind stay the
   * administrator's); each service added, or replaced when its id is on this district's map.
   */
  async function importInto(
    trx: Executor,
    districtId: string,
    organisations: ImportedOrganisation[],
    services: ImportedService[],
  ): Promise<HsdsImportAnswer> {
    const answer: HsdsImportAnswer = {
      organisations: { created: 0, updated: 0 },
      services: { created: 0, updated: 0 },
    };
    const refused: ImportRefusal[] = [];
    const names = new Map<string, string>();
    for (const org of organisations) {
      const about = {
        description: org.description,
        website: org.website,
        email: org.email,
        phone: org.phone,
      };
      if (org.existingId) {
        await trx.updateTable('organisations').set(about).where('id', '=', org.existingId).execute();
        const row = await trx
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', org.existingId)
          .executeTakeFirstOrThrow();
        names.set(org.existingId, row.name);
        answer.organisations.updated++;
        continue;
      }
      const clash = await trx
        .selectFrom('organisations')
        .select(['id', 'archived_at'])
        .where((eb) =>
          eb.or([eb('id', '=', org.uuid), eb(eb.fn('lower', ['name']), '=', org.name.toLowerCase())]),
        )
        .executeTakeFirst();
      if (clash) {
        refused.push({
          record: organisationRecord(org),
          path: 'organizations',
          ...(clash.archived_at !== null
            ? {
                message: 'This organization is archived on our map; restore it first',
                messageNl: 'Deze organisatie is gearchiveerd op onze kaart; zet haar eerst terug',
              }
            : {
                message: 'Another organization with this name is on our map already, under another id',
                messageNl:
                  'Er staat al een andere organisatie met deze naam op onze kaart, met een andere id',
              }),
        });
        continue;
      }
      await trx
        .insertInto('organisations')
        .values({ id: org.uuid, name: org.name, kind: 'other', ...about })
        .execute();
      names.set(org.uuid, org.name);
      answer.organisations.created++;
    }
    if (refused.length > 0) throw new ImportRefused(refused);

    const now = new Date().toISOString();
    for (const [index, service] of services.entries()) {
      const existing = await trx
        .selectFrom('social_services')
        .select('district_id')
        .where('id', '=', service.id)
        .executeTakeFirst();
      if (existing && existing.district_id !== districtId) {
        refused.push({
          record: serviceRecord(service),
          path: `services[${index}].id`,
          message: "A service with this id is on another district's map",
          messageNl: 'Een dienst met deze id staat op de kaart van een andere wijk',
        });
        continue;
      }
      const { id, lastConfirmedAt, ...fields } = service;
      const name = names.get(fields.organisationId);
      if (name === undefined)
        throw new Error('an imported service names an organisation the import did not write');
      await s.socialMap.store.save(trx, { ...fields, id, districtId, lastConfirmedAt }, name, now);
      if (existing) answer.services.updated++;
      else answer.services.created++;
    }
    if (refused.length > 0) throw new ImportRefused(refused);
    return answer;
  }
}
