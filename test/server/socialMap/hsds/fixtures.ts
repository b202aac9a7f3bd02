/** A small hand-made social map for the HSDS tests: 2 organisations, 3 services. */
import type { SocialService } from '../../../../shared/socialMapApi.js';
import type { HsdsSource, MapOrganisation } from '../../../../server/socialMap/hsds/export.js';

export const neighbourhoods = [
  { id: 'nb-centrum', name: 'Centrum' },
  { id: 'nb-oost', name: 'Oost' },
  { id: 'nb-west', name: 'West' },
];

export function makeOrganisation(overrides: Partial<MapOrganisation> = {}): MapOrganisation {
  return {
    id: 'org-buurtteam',
    uuid: '0b8f6c1e-4d2a-4c7b-9e3f-1a2b3c4d5e6f',
    name: 'Buurtteam Centrum',
    kind: 'social',
    description: 'Sociaal wijkteam voor het centrum.',
    website: 'https://buurtteam.example.nl',
    email: 'info@buurtteam.example.nl',
    phone: '020 123 4567',
    ...overrides,
  };
}

export function makeService(overrides: Partial<SocialService> = {}): SocialService {
  return {
    id: '5e1d2c3b-4a59-4687-8b9c-0d1e2f3a4b5c',
    organisationId: 'org-buurtteam',
    organisationName: 'Buurtteam Centrum',
    districtId: 'district-1',
    name: 'Schuldhulp inloop',
    description: 'Hulp bij rekeningen en schulden.',
    lifeDomains: ['income'],
    perspectives: ['unemployed'],
    neighbourhoodIds: ['nb-centrum'],
    forWhom: 'Iedereen in het centrum met geldzorgen.',
    access: 'walk-in',
    howToGetIn: 'Loop binnen op dinsdag.',
    free: false,
    costDescription: 'Eigen bijdrage € 5 per gesprek.',
    languages: ['nl', 'ar'],
    openingHours: [
      { day: 'TU', opens: '09:00', closes: '12:00' },
      { day: 'TH', opens: '13:30', closes: '16:00' },
    ],
    openingNote: 'Niet in de schoolvakanties.',
    location: {
      name: 'Buurthuis De Schakel',
      street: 'Kerkstraat 12',
      postalCode: '1011 AB',
      city: 'Amsterdam',
    },
    contact: {
      name: 'Fatima El Amrani',
      role: 'Schuldhulpmaatje',
      phone: '06 1234 5678',
      email: 'fatima@buurtteam.example.nl',
    },
    peerRun: false,
    status: 'active',
    lastConfirmedAt: '2026-10-05T08:30:00.000Z',
    stale: false,
    updatedAt: '2026-11-20T14:15:16.789Z',
    ...overrides,
  };
}

export function makeSource(overrides: Partial<HsdsSource> = {}): HsdsSource {
  const buurtteam = makeOrganisation();
  const herstel = makeOrganisation({
    id: 'org-herstel',
    uuid: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    name: 'Herstelacademie',
    kind: 'client-run',
    description: 'Door en voor ervaringsdeskundigen.',
    website: null,
    email: null,
    phone: null,
  });
  return {
    publisher: { name: 'Gemeente Voorbeeld', url: 'https://voorbeeld.example.nl' },
    district: { id: 'district-1', name: 'Voorbeeld', province: 'Noord-Holland' },
    neighbourhoods,
    organisations: [buurtteam, herstel],
    services: [
      makeService(),
      makeService({
        id: 'c4a1b2d3-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
        organisationId: 'org-herstel',
        organisationName: 'Herstelacademie',
        name: 'Herstelgroep',
        description: 'Wekelijkse groep met ervaringsdeskundigen.',
        lifeDomains: ['care', 'work'],
        perspectives: ['patient', 'ex-detainee'],
        neighbourhoodIds: ['nb-oost', 'nb-west'],
        access: 'appointment',
        free: true,
        costDescription: '',
        languages: ['nl'],
        openingHours: [{ day: 'WE', opens: '19:00', closes: '21:00' }],
        openingNote: '',
        peerRun: true,
      }),
      makeService({
        id: 'f0e1d2c3-b4a5-4968-a7b6-c5d4e3f2a1b0',
        name: 'Huisartsverwijzing woonbegeleiding',
        lifeDomains: ['housing'],
        perspectives: [],
        neighbourhoodIds: [],
        access: 'referral',
        howToGetIn: 'Je huisarts meldt je aan.',
        languages: [],
        openingHours: [],
        openingNote: 'Alleen op afspraak.',
        location: null,
        status: 'inactive',
      }),
    ],
    ...overrides,
  };
}
