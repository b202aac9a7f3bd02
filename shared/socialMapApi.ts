/**
 * The social map (sociale kaart) of a district: organisations — GP-side, social-side, volunteer and
 * client-run — and the services they offer, as the API (`/api/social-map/**`) gives them and the
 * pages show them. Its exchange format is Open Referral HSDS 3.0 (`server/socialMap/hsds/`).
 */
import type { DefaultPerspective, LifeDomain } from './vocabulary.js';

/** How someone gets in: walk in, only with a referral, or by making an appointment themselves. */
export const serviceAccessKinds = ['walk-in', 'referral', 'appointment'] as const;
export type ServiceAccess = (typeof serviceAccessKinds)[number];

/** A service's state; an inactive one is kept (referrals name it) but not offered any more. */
export const serviceStatuses = ['active', 'inactive'] as const;
export type ServiceStatus = (typeof serviceStatuses)[number];

/** Days of the week as RFC 5545 writes them (BYDAY), which HSDS schedules use too. */
export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof weekdays)[number];

/** The languages a service can be offered in (ISO 639-1), the ones a Dutch district meets most. */
export const serviceLanguages = [
  'nl',
  'en',
  'ar',
  'tr',
  'ti',
  'uk',
  'pl',
  'so',
  'fa',
  'fr',
  'de',
  'es',
] as const;
export type ServiceLanguage = (typeof serviceLanguages)[number];

/** One opening period on one weekday, times as HH:MM in the district's own time (Europe/Amsterdam). */
export interface OpeningHours {
  day: Weekday;
  opens: string;
  closes: string;
}

export interface ServiceLocation {
  /** What people call the place ("Buurthuis De Schakel"). */
  name: string;
  street: string;
  postalCode: string;
  city: string;
}

/** The named person who answers for the service: a person, never an inbox. */
export interface ServiceContact {
  name: string;
  role: string;
  phone: string;
  email: string;
}

/** What a service is, as an administrator or its contact person enters it. */
export interface ServiceFields {
  organisationId: string;
  name: string;
  /** In plain words, for the client too (B1). */
  description: string;
  lifeDomains: LifeDomain[];
  /** The perspectives it serves especially; empty when it is for everyone. */
  perspectives: DefaultPerspective[];
  /** Neighbourhoods of its district it covers. */
  neighbourhoodIds: string[];
  /** Who it is for (eligibility) in plain words. */
  forWhom: string;
  access: ServiceAccess;
  /** How to get in, in plain words ("Loop binnen op dinsdag", "Je huisarts meldt je aan"). */
  howToGetIn: string;
  free: boolean;
  /** What it costs when it is not free, or a remark on cost. */
  costDescription: string;
  languages: ServiceLanguage[];
  openingHours: OpeningHours[];
  /** Remarks on opening ("Niet in de schoolvakanties"). */
  openingNote: string;
  location: ServiceLocation | null;
  contact: ServiceContact;
  /** Run by people with lived experience (ervaringsdeskundigen): shown with a badge, ranked first. */
  peerRun: boolean;
  status: ServiceStatus;
}

export interface SocialService extends ServiceFields {
  /** A UUID, as HSDS requires. */
  id: string;
  organisationName: string;
  districtId: string;
  /** When the service was last confirmed as right (by its contact person or an administrator). */
  lastConfirmedAt: string;
  /** True when not confirmed for longer than the configured period (SOCIAL_MAP_STALE_DAYS). */
  stale: boolean;
  updatedAt: string;
}

/** The filters of a search on the social map; every one optional, all together narrow it down. */
export interface ServiceSearch {
  q?: string;
  lifeDomain?: LifeDomain;
  perspective?: DefaultPerspective;
  neighbourhoodId?: string;
  peerRun?: boolean;
  free?: boolean;
  language?: ServiceLanguage;
}

export interface ServiceSearchResult {
  services: SocialService[];
  /** How many match in all (the page shows the first `services.length`). */
  total: number;
}

/** `GET /api/social-map/services`: one page of a search. */
export interface ServiceSearchAnswer extends ServiceSearchResult {
  page: number;
  pageSize: number;
}

export interface ServiceAnswer {
  service: SocialService;
}

/** `POST /api/social-map/services/:id/link`: the contact person's one-time link. */
export interface ServiceLinkAnswer {
  url: string;
  expiresAt: string;
}

/** `GET /api/social-map/options`: what the map's filters and forms choose from. */
export interface MapOptions {
  /** The district the page starts in: the professional's own, else the first. */
  districtId: string | null;
  districts: { id: string; name: string; neighbourhoods: { id: string; name: string }[] }[];
  organisations: { id: string; name: string; kind: string }[];
  /** After how many days without a confirmation a service is flagged. */
  staleDays: number;
}

/** `GET /api/social-map/confirm/:token`: the service a contact person's link is for, and its district's neighbourhoods. */
export interface LinkAnswer {
  service: SocialService;
  neighbourhoods: { id: string; name: string }[];
}
