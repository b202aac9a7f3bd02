// Shared pieces of the demo social map: its types, the places services meet and a helper for hours.
import type { OrganisationKind } from '../../../../shared/adminApi.js';
import type {
  OpeningHours,
  ServiceFields,
  ServiceLocation,
  Weekday,
} from '../../../../shared/socialMapApi.js';

/** An organisation on the social map, with what a client or professional needs to reach it. */
export interface MapOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  description: string;
  website: string | null;
  email: string | null;
  phone: string | null;
}

/** A service as the demo seeds it: its fields plus a fixed id and when it was last confirmed. */
export type MapService = ServiceFields & { id: string; lastConfirmedAt: string };

/** All three neighbourhoods of Wijk Oost, for services that cover the whole district. */
export const wholeDistrict = ['buurt-rivierenbuurt', 'buurt-molenwijk', 'buurt-de-hoven'];

/** The same opening period on several weekdays, so a schedule reads as one line. */
export function weekly(days: Weekday[], opens: string, closes: string): OpeningHours[] {
  return days.map((day) => ({ day, opens, closes }));
}

const city = 'Oostwaarde';

/** The places in Oostwaarde where several services meet (invented addresses). */
export const places = {
  deLinde: { name: 'Gezondheidscentrum De Linde', street: 'Lindelaan 12', postalCode: '8021 LD', city },
  deSchakel: { name: 'Wijkcentrum De Schakel', street: 'Rijnstraat 40', postalCode: '8021 RB', city },
  deMolen: { name: 'Buurthuis De Molen', street: 'Molenweg 7', postalCode: '8022 MK', city },
  hovenhuis: { name: 'Wijkpunt Het Hovenhuis', street: 'Hovenplein 3', postalCode: '8023 HV', city },
  stadskantoor: { name: 'Stadskantoor Oostwaarde', street: 'Marktplein 1', postalCode: '8011 AM', city },
  bibliotheek: {
    name: 'Bibliotheek Oostwaarde, vestiging Oost',
    street: 'Schoolstraat 15',
    postalCode: '8022 BS',
    city,
  },
  deBrug: { name: 'Herstelwerkplaats De Brug', street: 'Kanaaldijk 88', postalCode: '8023 KD', city },
  ggz: { name: 'GGZ Oostland, locatie Oost', street: 'Parkweg 220', postalCode: '8022 PW', city },
  keerpunt: { name: 'Keerpunt, polikliniek Oost', street: 'Havenstraat 5', postalCode: '8021 HA', city },
  thuisbasis: { name: 'Kantoor Thuisbasis', street: 'Waalkade 31', postalCode: '8021 WK', city },
  werkbedrijf: { name: 'Werkbedrijf Regio Oost', street: 'Industrieweg 60', postalCode: '8024 IW', city },
  sporthal: { name: 'Sporthal De Hoven', street: 'Sportlaan 2', postalCode: '8023 SL', city },
  voedselbank: { name: 'Uitgiftepunt Voedselbank', street: 'Loodsweg 14', postalCode: '8024 LW', city },
} satisfies Record<string, ServiceLocation>;
