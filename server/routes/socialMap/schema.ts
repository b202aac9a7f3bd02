import { z } from 'zod';
import { idSchema, lifeDomainSchema } from '../../../shared/domain.js';
import {
  serviceAccessKinds,
  serviceLanguages,
  serviceStatuses,
  weekdays,
} from '../../../shared/socialMapApi.js';
import { defaultPerspectives } from '../../../shared/vocabulary.js';

const line = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) => line(max).min(1, 'must not be empty');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM');
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const openingHoursSchema = z
  .object({ day: z.enum(weekdays), opens: time, closes: time })
  .refine((h) => h.opens < h.closes, { message: 'must close after it opens', path: ['closes'] });

/** What an administrator or the service's contact person enters (SPEC SM1). */
export const serviceFieldsSchema = z.object({
  organisationId: idSchema,
  name: required(120),
  description: required(1_000),
  lifeDomains: z.array(lifeDomainSchema).min(1, 'must name at least one life domain').max(4),
  perspectives: z.array(z.enum(defaultPerspectives)).max(5),
  neighbourhoodIds: z.array(idSchema).min(1, 'must cover at least one neighbourhood').max(50),
  forWhom: line(500),
  access: z.enum(serviceAccessKinds),
  howToGetIn: line(500),
  free: z.boolean(),
  costDescription: line(300),
  languages: z
    .array(z.enum(serviceLanguages))
    .min(1, 'must name at least one language')
    .max(serviceLanguages.length),
  openingHours: z.array(openingHoursSchema).max(21),
  openingNote: line(300),
  location: z
    .object({
      name: line(120),
      street: required(120),
      postalCode: z
        .string()
        .trim()
        .regex(/^\d{4} ?[A-Za-z]{2}$/, 'must be a Dutch postal code such as 1234 AB')
        .transform((v) => `${v.slice(0, 4)} ${v.slice(-2).toUpperCase()}`),
      city: required(80),
    })
    .nullable(),
  contact: z.object({
    name: required(120),
    role: line(120),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number'),
    email: z.email('must be an e-mail address').max(254),
  }),
  peerRun: z.boolean(),
  status: z.enum(serviceStatuses),
});
export type ServiceFieldsBody = z.infer<typeof serviceFieldsSchema>;

export const serviceBodySchema = serviceFieldsSchema.extend({ districtId: idSchema });

export const serviceParamsSchema = z.object({ serviceId: z.uuid() });
export const tokenParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

/** A search on the map; the district defaults to the professional's own. */
export const serviceSearchQuerySchema = z.object({
  districtId: idSchema.optional(),
  q: z.string().max(100).optional(),
  lifeDomain: lifeDomainSchema.optional(),
  perspective: z.enum(defaultPerspectives).optional(),
  neighbourhoodId: idSchema.optional(),
  peerRun: flag.optional(),
  free: flag.optional(),
  language: z.enum(serviceLanguages).optional(),
  includeInactive: flag.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** Services by id (the ones linked to the goals of a board), at most a board's worth. */
export const serviceIdsQuerySchema = z.object({
  ids: z
    .string()
    .max(40 * 200)
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.uuid()).max(200)),
});

/** "Who can help with this?" for a goal of a case: its life domain and perspectives. */
export const helpQuerySchema = z.object({
  lifeDomain: lifeDomainSchema,
  perspectives: z
    .string()
    .max(400)
    .optional()
    .transform((v) => (v ?? '').split(',').filter(Boolean))
    .pipe(z.array(z.string().max(60)).max(20)),
  q: z.string().max(100).optional(),
  everywhere: flag.optional(),
});

/** The contact person's answer through their one-time link: confirmed as is, or corrected. */
export const confirmBodySchema = z.object({
  fields: serviceFieldsSchema.omit({ organisationId: true, status: true }).optional(),
});
