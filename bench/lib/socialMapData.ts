import { v5 } from 'uuid';
import type { OrganisationKind } from '../../shared/adminApi.js';
import { defaultPerspectives, lifeDomains } from '../../shared/vocabulary.js';
import type { DefaultPerspective, LifeDomain } from '../../shared/vocabulary.js';
import type { ServiceAccess, ServiceLanguage, Weekday } from '../../shared/socialMapApi.js';
import { neighbourhoods } from '../../server/demo/dataset/place.js';
import type { MapOrganisation, MapService } from '../../server/demo/dataset/socialMap.js';
import { seededRandom } from '../../server/demo/seededRandom.js';

/**
 * A generated social map for the search benchmark: thousands of services over the demo district's
 * three neighbourhoods, with names and descriptions built from the words people search for.
 * Deterministic per seed, ids included (UUID v5), so every run searches the same data.
 */
export interface GeneratedSocialMap {
  organisations: MapOrganisation[];
  services: MapService[];
}

/** The namespace of the generated ids; any fixed UUID would do. */
const namespace = '5b0e7f0c-3a55-4c8e-9d36-2f1b8a6c4e90';

/** The day the generated confirmations count back from (the demo's "today"). */
const reference = Date.parse('2026-12-01T00:00:00.000Z');

interface Topic {
  name: string;
  text: string;
  lifeDomains: LifeDomain[];
  perspectives: DefaultPerspective[];
}

const topics: Topic[] = [
  {
    name: 'Taalcafé',
    text: 'Oefen Nederlands praten in een kleine groep.',
    lifeDomains: ['work'],
    perspectives: ['refugee', 'low-literacy'],
  },
  {
    name: 'Schuldhulp',
    text: 'Hulp bij schulden en rekeningen die je niet kunt betalen.',
    lifeDomains: ['income'],
    perspectives: ['unemployed'],
  },
  {
    name: 'Herstelgroep',
    text: 'Ervaringsdeskundigen praten met je over herstel na verslaving.',
    lifeDomains: ['care'],
    perspectives: ['patient', 'ex-detainee'],
  },
  {
    name: 'Digi-spreekuur',
    text: 'Hulp bij DigiD en formulieren op internet.',
    lifeDomains: ['income'],
    perspectives: ['low-literacy'],
  },
  {
    name: 'Werkcoach',
    text: 'Samen zoeken naar werk, stage of een opleiding.',
    lifeDomains: ['work'],
    perspectives: ['unemployed'],
  },
  {
    name: 'Woonbegeleiding',
    text: 'Hulp bij wonen, huur en je huishouden.',
    lifeDomains: ['housing'],
    perspectives: ['patient', 'ex-detainee'],
  },
  {
    name: 'Maatjesproject',
    text: 'Een vrijwillig maatje spreekt elke week met je af.',
    lifeDomains: ['care', 'housing'],
    perspectives: ['ex-detainee', 'refugee'],
  },
  {
    name: 'Beweeggroep',
    text: 'Rustig bewegen en wandelen met mensen uit de buurt.',
    lifeDomains: ['care'],
    perspectives: ['patient'],
  },
  {
    name: 'Voedselpakket',
    text: 'Elke week eten voor huishoudens met weinig geld.',
    lifeDomains: ['income'],
    perspectives: [],
  },
  {
    name: 'Thuisadministratie',
    text: 'Een vrijwilliger helpt je thuis met post en rekeningen.',
    lifeDomains: ['income'],
    perspectives: ['low-literacy'],
  },
  {
    name: 'Mantelzorgcafé',
    text: 'Ontmoeten en steun voor mantelzorgers.',
    lifeDomains: ['care'],
    perspectives: [],
  },
  {
    name: 'Inloop',
    text: 'Een huiskamer voor koffie, een praatje of rust.',
    lifeDomains: ['care'],
    perspectives: ['patient', 'unemployed'],
  },
  {
    name: 'Juridisch spreekuur',
    text: 'Vragen over verblijf, toeslagen of een boete.',
    lifeDomains: ['income', 'housing'],
    perspectives: ['refugee'],
  },
  {
    name: 'Leerwerkplaats',
    text: 'Werkervaring opdoen in je eigen tempo.',
    lifeDomains: ['work'],
    perspectives: ['unemployed', 'ex-detainee'],
  },
];

const kinds: OrganisationKind[] = [
  'volunteer',
  'volunteer',
  'other',
  'other',
  'municipality',
  'mental-health',
];
const orgWords = [
  'Samen',
  'Oost',
  'Buurtkracht',
  'De Horizon',
  'Het Anker',
  'Nieuw Begin',
  'De Stap',
  'Op Weg',
];
const orgTypes = ['Stichting', 'Vereniging', 'Steunpunt', 'Collectief'];
const places = ['Wijkcentrum De Schakel', 'Buurthuis De Molen', 'Wijkpunt Het Hovenhuis', 'Bibliotheek Oost'];
const streets = ['Rijnstraat', 'Molenweg', 'Hovenplein', 'Schoolstraat', 'Kanaaldijk', 'Parkweg'];
const firstNames = [
  'Jan',
  'Fatima',
  'Kees',
  'Özlem',
  'Sanne',
  'Ahmet',
  'Ingrid',
  'Mariam',
  'Tesfay',
  'Olena',
];
const lastNames = ['de Vries', 'Yilmaz', 'Bakker', 'El Idrissi', 'Visser', 'Kowalski', 'Mulder', 'Haile'];
const otherLanguages: ServiceLanguage[] = ['en', 'ar', 'tr', 'ti', 'uk', 'pl', 'so', 'fa'];
const accessKinds: ServiceAccess[] = ['walk-in', 'referral', 'appointment'];
const days: Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** `count` plausible services and the organisations they belong to, the same for the same seed. */
export function generateServices(count: number, seed: number): GeneratedSocialMap {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const id = (name: string) => v5(`${seed}:${name}`, namespace);

  const organisations: MapOrganisation[] = Array.from(
    { length: Math.max(1, Math.ceil(count / 25)) },
    (_, index) => {
      const name = `${pick(orgTypes)} ${pick(orgWords)} ${index + 1}`;
      return {
        id: `org-gen-${id(`organisation:${index}`)}`,
        name,
        kind: pick(kinds),
        description: `${name} werkt in Wijk Oost.`,
        website: null,
        email: `info@org${index + 1}.example`,
        phone: `038-${String(4_000_000 + index).padStart(7, '0')}`,
      };
    },
  );

  const services: MapService[] = Array.from({ length: count }, (_, index) => {
    const topic = pick(topics);
    const neighbourhood = pick(neighbourhoods);
    const everywhere = next() < 0.4;
    const opens = 8 + Math.floor(next() * 8);
    const hours =
      next() < 0.2
        ? []
        : [
            {
              day: pick(days),
              opens: `${String(opens).padStart(2, '0')}:00`,
              closes: `${String(opens + 2).padStart(2, '0')}:30`,
            },
          ];
    const free = next() < 0.85;
    const person = `${pick(firstNames)} ${pick(lastNames)}`;
    const ageDays = next() < 0.1 ? 200 + Math.floor(next() * 300) : Math.floor(next() * 90);
    const perspective = next() < 0.3 ? pick(defaultPerspectives) : undefined;
    const domain = next() < 0.2 ? pick(lifeDomains) : undefined;
    return {
      id: id(`service:${index}`),
      organisationId: pick(organisations).id,
      name: `${topic.name} ${neighbourhood.name} ${index + 1}`,
      description: `${topic.text} In ${neighbourhood.name} en omgeving.`,
      lifeDomains: [...new Set([...topic.lifeDomains, ...(domain ? [domain] : [])])],
      perspectives: [...new Set([...topic.perspectives, ...(perspective ? [perspective] : [])])],
      neighbourhoodIds: everywhere ? neighbourhoods.map((n) => n.id) : [neighbourhood.id],
      forWhom: 'Bewoners van Wijk Oost.',
      access: pick(accessKinds),
      howToGetIn: 'Bel of loop binnen.',
      free,
      costDescription: free ? '' : `€ ${1 + Math.floor(next() * 10)} per keer.`,
      languages: next() < 0.3 ? ['nl', pick(otherLanguages)] : ['nl'],
      openingHours: hours,
      openingNote: hours.length === 0 ? 'Op afspraak.' : '',
      location: {
        name: pick(places),
        street: `${pick(streets)} ${1 + Math.floor(next() * 200)}`,
        postalCode: '8021 AB',
        city: 'Oostwaarde',
      },
      contact: {
        name: person,
        role: 'Coördinator',
        phone: `06-${String(10_000_000 + index).slice(-8)}`,
        email: `contact${index + 1}@service.example`,
      },
      peerRun: next() < 0.15,
      status: next() < 0.03 ? 'inactive' : 'active',
      lastConfirmedAt: new Date(
        reference - ageDays * 86_400_000 - Math.floor(next() * 86_400_000),
      ).toISOString(),
    };
  });

  return { organisations, services };
}
